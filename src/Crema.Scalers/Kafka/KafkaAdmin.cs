using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Crema.Abstractions;

namespace Crema.Scalers.Kafka;

/// <summary>
/// One librdkafka admin client (Confluent.Kafka) and what the lag needs from it: topic metadata, a
/// group's committed offsets (the coordinator, found by librdkafka) and log end offsets (each
/// partition's leader). Shared by triggers through <see cref="KafkaClientPool"/>, so the group is
/// a parameter. Failures throw <see cref="KafkaReadException"/> naming the brokers and the user.
/// </summary>
internal sealed partial class KafkaAdmin : IDisposable
{
    private readonly AdminClientConfig config;
    private readonly IKafkaTokenProvider? oauthTokens;
    private readonly SemaphoreSlim startGate = new(1, 1);
    private readonly KafkaClientErrors errors = new();
    private readonly IKafkaTokenProvider? plainPassword;
    private readonly string who;
    private readonly string[] secrets;
    private IAdminClient? admin;
    private string? currentPassword;
    private volatile bool disposed;

    private KafkaAdmin(AdminClientConfig config, IKafkaTokenProvider? oauthTokens, IKafkaTokenProvider? plainPassword, string who, string[] secrets)
    {
        this.config = config;
        this.oauthTokens = oauthTokens;
        this.plainPassword = plainPassword;
        this.who = who;
        this.secrets = secrets;
    }

    /// <summary>Builds the client for a trigger's settings (librdkafka starts connecting in the background).</summary>
    public static KafkaAdmin Create(KafkaMetadata metadata, ScalerContext context)
    {
        var config = KafkaClientConfig.Build(metadata.BootstrapServers, metadata.Tls, metadata.Sasl);
        var who = KafkaClientConfig.Describe(metadata.BootstrapServers, metadata.Sasl);
        var sasl = metadata.Sasl;
        IKafkaTokenProvider? oauth = null, plain = null;
        if (sasl is { UseGoogleIdentity: true })
        {
            var tokens = context.Services.GoogleTokens
                ?? throw new KafkaReadException($"{who}: podIdentity gcp needs the daemon's Google credentials, and none are configured.");
            var provider = new GoogleKafkaTokenProvider(tokens, sasl.Username, sasl.Mechanism == KafkaSaslMechanism.OAuthBearer, context.TimeProvider);
            (oauth, plain) = sasl.Mechanism == KafkaSaslMechanism.OAuthBearer ? (provider, null) : ((IKafkaTokenProvider?)null, provider);
        }
        else if (sasl is { Mechanism: KafkaSaslMechanism.OAuthBearer, OAuth: { } settings })
        {
            oauth = new OAuthClientCredentialsTokenProvider(settings, sasl.Username, sasl.Password, context.Services.GetHttpClient(HttpClientSettings.Default), context.TimeProvider);
        }
        string[] secrets = [sasl?.Password ?? string.Empty, metadata.Tls?.KeyPassword ?? string.Empty];
        return new KafkaAdmin(config, oauth, plain, who, secrets.Where(s => s.Length >= 4).ToArray());
    }

    /// <summary>Partition ids of each topic, or the broker's error for a topic (code and reason).</summary>
    public async Task<IReadOnlyDictionary<string, TopicPartitions>> GetTopicsAsync(IReadOnlyList<string> topics, CancellationToken cancellationToken)
    {
        var admin = await ClientAsync(cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, TopicPartitions>(StringComparer.Ordinal);
        foreach (var name in topics)
        {
            // GetMetadata blocks until the answer or the timeout; run it off the caller's thread.
            var metadata = await RunAsync("Metadata", () => Task.Run(() => admin.GetMetadata(name, KafkaClientConfig.RequestTimeout), CancellationToken.None), cancellationToken).ConfigureAwait(false);
            var topic = metadata.Topics.FirstOrDefault(t => t.Topic == name);
            result[name] = topic is null
                ? new TopicPartitions([], ErrorCode.UnknownTopicOrPart, "no such topic in the metadata")
                : new TopicPartitions(topic.Partitions.Select(p => p.PartitionId).Order().ToArray(), topic.Error.Code, topic.Error.Reason);
        }
        return result;
    }

    /// <summary>The group's committed offsets (-1 when none) for the partitions, or for every partition it committed when null.</summary>
    public async Task<IReadOnlyDictionary<TopicPartition, long>> ListCommittedAsync(string group, IReadOnlyList<TopicPartition>? partitions, CancellationToken cancellationToken)
    {
        var admin = await ClientAsync(cancellationToken).ConfigureAwait(false);
        var request = new ConsumerGroupTopicPartitions(group, partitions?.Select(p => new Confluent.Kafka.TopicPartition(p.Topic, p.Partition)).ToList());
        var options = new ListConsumerGroupOffsetsOptions { RequestTimeout = KafkaClientConfig.RequestTimeout };
        List<ListConsumerGroupOffsetsResult> results;
        try
        {
            results = await RunAsync($"OffsetFetch for group \"{group}\"", () => admin.ListConsumerGroupOffsetsAsync([request], options), cancellationToken).ConfigureAwait(false);
        }
        catch (ListConsumerGroupOffsetsException e)
        {
            throw Fail($"OffsetFetch for group \"{group}\"", FirstError(e.Results.Select(r => r.Error).Concat(e.Results.SelectMany(r => r.Partitions.Select(p => p.Error)))));
        }
        var committed = new Dictionary<TopicPartition, long>();
        foreach (var partition in results.SelectMany(r => r.Partitions))
        {
            if (partition.Error.IsError)
            {
                throw Fail($"OffsetFetch for group \"{group}\" ({partition.Topic}/{partition.Partition.Value})", partition.Error.Reason);
            }
            // librdkafka reports "no committed offset" as a special (negative) offset.
            committed[new TopicPartition(partition.Topic, partition.Partition.Value)] = partition.Offset.IsSpecial || partition.Offset.Value < 0 ? -1 : partition.Offset.Value;
        }
        return committed;
    }

    /// <summary>The log end offset (latest, read_uncommitted) of each partition, from its leader.</summary>
    public async Task<IReadOnlyDictionary<TopicPartition, long>> ListLatestAsync(IReadOnlyList<TopicPartition> partitions, CancellationToken cancellationToken)
    {
        var admin = await ClientAsync(cancellationToken).ConfigureAwait(false);
        var request = partitions.Select(p => new TopicPartitionOffsetSpec { TopicPartition = new(p.Topic, p.Partition), OffsetSpec = OffsetSpec.Latest() }).ToArray();
        var options = new ListOffsetsOptions { RequestTimeout = KafkaClientConfig.RequestTimeout, IsolationLevel = IsolationLevel.ReadUncommitted };
        ListOffsetsResult result;
        try
        {
            result = await RunAsync("ListOffsets", () => admin.ListOffsetsAsync(request, options), cancellationToken).ConfigureAwait(false);
        }
        catch (ListOffsetsException e)
        {
            throw Fail("ListOffsets", FirstError(e.Result.ResultInfos.Select(r => r.TopicPartitionOffsetError.Error)));
        }
        return result.ResultInfos.ToDictionary(
            r => new TopicPartition(r.TopicPartitionOffsetError.Topic, r.TopicPartitionOffsetError.Partition.Value),
            r => r.TopicPartitionOffsetError.Offset.Value);
    }

    public void Dispose()
    {
        disposed = true;
        startGate.Wait();
        try
        {
            admin?.Dispose();
            admin = null;
        }
        finally
        {
            startGate.Release();
            startGate.Dispose();
        }
    }

    private static string FirstError(IEnumerable<Error> candidates) =>
        candidates.FirstOrDefault(e => e.IsError)?.Reason ?? "unknown error";
}
