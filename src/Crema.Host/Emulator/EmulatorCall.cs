namespace Crema.Host.Emulator;

/// <summary>
/// One Admin API request the emulator answered: when (its clock), which call ("get", "patch" or
/// "operations.get", as Crema's metrics name them), the resource it concerned and the HTTP status.
/// </summary>
public sealed record EmulatorCall(DateTimeOffset Time, string Method, string Target, int Status);
