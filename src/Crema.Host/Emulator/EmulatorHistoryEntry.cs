namespace Crema.Host.Emulator;

/// <summary>One instance count change seen by the emulator (initial counts included), for charts and assertions.</summary>
public sealed record EmulatorHistoryEntry(DateTimeOffset Time, string Target, int InstanceCount);
