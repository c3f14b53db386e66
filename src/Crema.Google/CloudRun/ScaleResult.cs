namespace Crema.Google.CloudRun;

/// <summary>
/// The result of <see cref="ICloudRunClient.SetInstanceCountAsync"/>, as a value. For
/// <see cref="ScaleOutcome.Failed"/>, <see cref="HttpStatus"/> (0 when no response arrived or the
/// operation itself failed), <see cref="GoogleStatus"/> and <see cref="Message"/> (which names the resource) say why.
/// </summary>
public sealed record ScaleResult(
    ScaleOutcome Outcome,
    string ResourceName,
    int InstanceCount,
    string? OperationName = null,
    int HttpStatus = 0,
    string? GoogleStatus = null,
    string? Message = null)
{
    /// <summary>True when the new count is in effect.</summary>
    public bool IsApplied => Outcome == ScaleOutcome.Applied;
}
