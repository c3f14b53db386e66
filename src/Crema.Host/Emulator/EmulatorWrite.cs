namespace Crema.Host.Emulator;

/// <summary>
/// One accepted update (a PATCH that started an operation), with the caller's User-Agent: Crema puts its lease
/// identity and term there, so tests can check that only one daemon wrote in each term.
/// </summary>
public sealed record EmulatorWrite(DateTimeOffset Time, string Target, int InstanceCount, string? UserAgent);
