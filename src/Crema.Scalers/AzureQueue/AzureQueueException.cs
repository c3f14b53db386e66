namespace Crema.Scalers.AzureQueue;

/// <summary>A failed read of a storage queue; the message says what to fix and holds no secret (no key, no signature).</summary>
internal sealed class AzureQueueException(string message) : Exception(message);
