namespace Crema.Host.Status;

/// <summary>An update of the instance count sent to Cloud Run (or its operation) not finished yet.</summary>
internal sealed record PendingUpdate(int From, int To, DateTimeOffset Since);
