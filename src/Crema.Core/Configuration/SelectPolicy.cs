namespace Crema.Core.Configuration;

/// <summary>How several HPA policies combine.</summary>
public enum SelectPolicy
{
    /// <summary>The policy allowing the most change.</summary>
    Max,

    /// <summary>The policy allowing the least change.</summary>
    Min,

    /// <summary>No scaling in this direction.</summary>
    Disabled,
}
