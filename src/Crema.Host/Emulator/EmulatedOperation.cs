namespace Crema.Host.Emulator;

/// <summary>An emulated long-running update operation; it completes when the clock reaches <see cref="DueAt"/>.</summary>
internal sealed class EmulatedOperation(string name, EmulatedTarget target, int count, long generation, DateTimeOffset dueAt, string? error)
{
    public string Name { get; } = name;

    public EmulatedTarget Target { get; } = target;

    public int Count { get; } = count;

    public long Generation { get; } = generation;

    public DateTimeOffset DueAt { get; } = dueAt;

    /// <summary>Error message the operation ends with, when a failure was injected.</summary>
    public string? Error { get; } = error;

    public bool Done { get; set; }
}
