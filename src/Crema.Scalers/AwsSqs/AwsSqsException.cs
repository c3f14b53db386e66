namespace Crema.Scalers.AwsSqs;

/// <summary>A failed read of an SQS queue; the message says what to fix and holds no secret.</summary>
internal sealed class AwsSqsException(string message, Exception? inner = null) : Exception(message, inner);
