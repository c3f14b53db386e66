namespace Crema.Google.Storage;

/// <summary>The result of one Cloud Storage call: a value on <see cref="StorageOutcome.Ok"/>, else an error text.</summary>
internal sealed record StorageResult<T>(StorageOutcome Outcome, T? Value, string? Error)
    where T : class
{
    public static StorageResult<T> Ok(T value) => new(StorageOutcome.Ok, value, null);

    public static StorageResult<T> Fail(StorageOutcome outcome, string error) => new(outcome, null, error);
}
