namespace Crema.Host.Emulator;

/// <summary>
/// Settings of <see cref="CloudRunEmulator"/>. Defaults: a free port on 127.0.0.1, no targets,
/// operations that take 2 s, the system clock.
/// </summary>
public sealed record CloudRunEmulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 (default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Worker pools and services (full resource names, <c>workerpools</c> accepted) with their initial instance count.</summary>
    public IReadOnlyDictionary<string, int> Targets { get; init; } = new Dictionary<string, int>();

    /// <summary>How long an update operation runs before its count applies; default 2 s. Zero finishes it in the PATCH reply.</summary>
    public TimeSpan OperationDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Per-target operation durations overriding <see cref="OperationDelay"/>.</summary>
    public IReadOnlyDictionary<string, TimeSpan> OperationDelays { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>Faults armed at start.</summary>
    public IReadOnlyList<EmulatorFault> Faults { get; init; } = [];

    /// <summary>Clock for operation completion and timestamps; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
