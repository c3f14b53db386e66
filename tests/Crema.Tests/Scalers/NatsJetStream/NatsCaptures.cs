using Crema.Tests.Support;

namespace Crema.Tests.Scalers.NatsJetStream;

/// <summary>
/// Replies captured from real nats-server 2.9.10 monitoring endpoints (Captured/*.json): a standalone server with
/// stream mystream and pull consumer pull_consumer holding 5 messages, 2 of them fetched and not acknowledged;
/// and a three-node cluster (n1, n2, n3 on 127.0.0.1-3) with the same stream and consumer at three replicas, whose
/// consumer leader is n1. Only the leader has the current split (3 pending + 2 unacknowledged); followers report 5 + 0.
/// </summary>
internal static class NatsCaptures
{
    public static string Text(string name) =>
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "Crema.Tests", "Scalers", "NatsJetStream", "Captured", name + ".json"));

    public static byte[] Bytes(string name) => System.Text.Encoding.UTF8.GetBytes(Text(name));
}
