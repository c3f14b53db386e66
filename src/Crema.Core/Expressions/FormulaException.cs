namespace Crema.Core.Expressions;

/// <summary>
/// A scaling-modifiers formula failed to parse or evaluate; <see cref="Position"/> is the 0-based character offset of the culprit.
/// Parse messages do not repeat the position (the caller shows it once, as a 1-based character); evaluation
/// messages, shown on their own at run time, name it as "at character N" (1-based).
/// </summary>
public sealed class FormulaException : Exception
{
    /// <summary>Creates the exception with a message and the 0-based offset in the formula text.</summary>
    public FormulaException(string message, int position)
        : base(message)
    {
        Position = position;
    }

    /// <summary>Creates the exception without a position (offset 0).</summary>
    public FormulaException()
        : this("invalid formula", 0)
    {
    }

    /// <summary>Creates the exception with a message (offset 0).</summary>
    public FormulaException(string message)
        : this(message, 0)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception (offset 0).</summary>
    public FormulaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>0-based character offset in the formula where the problem is.</summary>
    public int Position { get; }
}
