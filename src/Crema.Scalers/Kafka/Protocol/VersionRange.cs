namespace Crema.Scalers.Kafka.Protocol;

/// <summary>An inclusive range of versions of one API.</summary>
internal readonly record struct VersionRange(short Min, short Max)
{
    /// <summary>The highest version both ranges contain, or null when they do not overlap.</summary>
    public short? HighestCommon(VersionRange other)
    {
        var max = Math.Min(Max, other.Max);
        return max >= Math.Max(Min, other.Min) ? (short)max : null;
    }

    public override string ToString() => $"{Min}-{Max}";
}
