namespace Crema.Google.CloudRun;

/// <summary>A Cloud Run condition (e.g. the terminal "Ready" condition): type, state such as CONDITION_SUCCEEDED, and message.</summary>
public sealed record CloudRunCondition(string? Type, string? State, string? Message);
