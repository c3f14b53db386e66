namespace Crema.Tests.Faults;

/// <summary>How <see cref="FaultySource"/> answers.</summary>
internal enum SourceMode
{
    Healthy,
    Down,
    Slow,
    Hanging,
    Garbage,
    Huge,
    NaN,
    Infinity,
    Flapping,
}
