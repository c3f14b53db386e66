namespace Crema.Scalers.Beanstalkd;

/// <summary>
/// beanstalkd's rule for tube names (doc/protocol.txt, "Name format"): 1 to 200 bytes of letters, digits and
/// <c>-+/;.$_()</c>, not starting with a hyphen. Checked before anything is sent, so a name cannot carry a
/// second command (a line break) to the server.
/// </summary>
internal static class BeanstalkdNames
{
    /// <summary>The longest name beanstalkd accepts, in bytes.</summary>
    public const int MaxLength = 200;

    /// <summary>Null when <paramref name="name"/> is a valid tube name, else why not.</summary>
    public static string? Problem(string name)
    {
        if (name.Length > MaxLength)
        {
            return $"is {name.Length} characters long; beanstalkd allows at most {MaxLength}";
        }
        if (name.StartsWith('-'))
        {
            return "must not start with '-' (beanstalkd's name format)";
        }
        return name.All(IsNameChar) ? null : "may hold only letters, digits and - + / ; . $ _ ( ) (beanstalkd's name format)";
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || "-+/;.$_()".Contains(c, StringComparison.Ordinal);
}
