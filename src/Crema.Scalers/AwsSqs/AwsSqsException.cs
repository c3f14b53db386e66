namespace Crema.Scalers.AwsSqs;

/// <summary>A failed read of an SQS queue; the message says what to fix and holds no secret. It carries no inner exception, whose text is the server's.</summary>
internal sealed class AwsSqsException(string message) : Exception(message);
