namespace Crema.Scalers.NatsJetStream;

/// <summary>A JetStream monitoring reply that gives no lag. The message never holds a secret; server text in it is escaped.</summary>
internal sealed class NatsJetStreamException(string message) : Exception(message);
