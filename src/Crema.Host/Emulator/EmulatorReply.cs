namespace Crema.Host.Emulator;

/// <summary>What the emulator answers: status, JSON body and an optional Retry-After in seconds; or, with <paramref name="Hang"/>, nothing at all.</summary>
internal sealed record EmulatorReply(int Status, string Json, int? RetryAfterSeconds = null, bool Hang = false);
