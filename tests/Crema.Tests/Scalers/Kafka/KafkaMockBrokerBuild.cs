namespace Crema.Tests.Scalers.Kafka;

/// <summary>Collection fixture: builds the Go mock broker before the first test of the collection runs.</summary>
public sealed class KafkaMockBrokerBuild : IAsyncLifetime
{
    public string BinaryPath { get; private set; } = string.Empty;

    public async Task InitializeAsync() => BinaryPath = await KafkaMockBroker.EnsureBuiltAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
