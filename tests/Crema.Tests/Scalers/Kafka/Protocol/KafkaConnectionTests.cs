using System.Text;
using Crema.Scalers.Kafka.Protocol;

namespace Crema.Tests.Scalers.Kafka.Protocol;

public sealed class KafkaConnectionTests
{
    private static readonly byte[] EmptyMetadataV8 = new KafkaWriter().Int32(0).Int32(0).NullableString(null).Int32(1).Int32(0).Int32(0).ToArray();

    [Theory]
    // Kafka 2.1 ranges, and Kafka 4.1 ranges (4.0 removed versions older than 2.1's)
    [InlineData("2.1", 3, 7)] // Metadata
    [InlineData("2.1", 9, 5)] // OffsetFetch
    [InlineData("2.1", 2, 4)] // ListOffsets
    [InlineData("2.1", 10, 2)] // FindCoordinator
    [InlineData("4.1", 3, 8)] // Metadata
    [InlineData("4.1", 9, 5)] // OffsetFetch
    [InlineData("4.1", 2, 5)] // ListOffsets
    [InlineData("4.1", 10, 2)] // FindCoordinator
    [InlineData("4.1", 36, 1)] // SaslAuthenticate
    public async Task NegotiateVersion_BrokerRanges_PicksHighestCommon(string kafka, short apiKey, short expected)
    {
        var api = (ApiKey)apiKey;
        (ApiKey, short, short)[] kafka21 =
        [
            (ApiKey.ListOffsets, 0, 4), (ApiKey.Metadata, 0, 7), (ApiKey.OffsetFetch, 0, 5), (ApiKey.FindCoordinator, 0, 2),
            (ApiKey.SaslHandshake, 0, 1), (ApiKey.ApiVersions, 0, 2), (ApiKey.SaslAuthenticate, 0, 0),
        ];
        var ranges = kafka == "2.1" ? kafka21 : FakeKafkaBroker.Kafka41Versions;
        await using var broker = new FakeKafkaBroker((key, version, _) => key == ApiKey.ApiVersions ? FakeKafkaBroker.ApiVersions(ranges) : null);
        await using var connection = await KafkaConnection.OpenAsync(broker.Endpoint, new KafkaConnectionOptions(), CancellationToken.None);
        var request = api switch
        {
            ApiKey.Metadata => new MetadataRequest(null).Versions,
            ApiKey.OffsetFetch => new OffsetFetchRequest("g", null).Versions,
            ApiKey.ListOffsets => new ListOffsetsRequest([]).Versions,
            ApiKey.FindCoordinator => new FindCoordinatorRequest("g").Versions,
            _ => new SaslAuthenticateRequest([]).Versions,
        };
        connection.NegotiateVersion(api, request).ShouldBe(expected);
    }

    [Fact]
    public async Task NegotiateVersion_NoOverlapOrMissingApi_Throws()
    {
        await using var broker = new FakeKafkaBroker((key, _, _) => key == ApiKey.ApiVersions ? FakeKafkaBroker.ApiVersions((ApiKey.ListOffsets, 6, 9)) : null);
        await using var connection = await KafkaConnection.OpenAsync(broker.Endpoint, new KafkaConnectionOptions(), CancellationToken.None);
        Should.Throw<KafkaProtocolException>(() => connection.NegotiateVersion(ApiKey.ListOffsets, new VersionRange(1, 5))).ErrorCode.ShouldBe(KafkaErrorCode.UnsupportedVersion);
        Should.Throw<KafkaProtocolException>(() => connection.NegotiateVersion(ApiKey.Metadata, new VersionRange(1, 8)));
    }

    [Fact]
    public async Task SendAsync_Metadata_UsesIncreasingCorrelationIdsOnOneConnection()
    {
        var seen = new List<short>();
        await using var broker = new FakeKafkaBroker((key, version, _) =>
        {
            seen.Add(version);
            return key == ApiKey.ApiVersions ? FakeKafkaBroker.ApiVersions(FakeKafkaBroker.Kafka41Versions) : EmptyMetadataV8;
        });
        await using var connection = await KafkaConnection.OpenAsync(broker.Endpoint, new KafkaConnectionOptions(), CancellationToken.None);
        (await connection.SendAsync(new MetadataRequest(null), CancellationToken.None)).ControllerId.ShouldBe(1);
        (await connection.SendAsync(new MetadataRequest(null), CancellationToken.None)).ControllerId.ShouldBe(1);
        seen.ShouldBe([(short)0, (short)8, (short)8]);
    }

    [Fact]
    public async Task SendAsync_WrongCorrelationId_ThrowsAndBreaksConnection()
    {
        FakeKafkaBroker? self = null;
        await using var broker = new FakeKafkaBroker((key, _, _) =>
        {
            if (key == ApiKey.ApiVersions)
            {
                return FakeKafkaBroker.ApiVersions(FakeKafkaBroker.Kafka41Versions);
            }
            self!.CorrelationSkew = 5;
            return EmptyMetadataV8;
        });
        self = broker;
        await using var connection = await KafkaConnection.OpenAsync(broker.Endpoint, new KafkaConnectionOptions(), CancellationToken.None);
        var error = await Should.ThrowAsync<KafkaProtocolException>(() => connection.SendAsync(new MetadataRequest(null), CancellationToken.None));
        error.Message.ShouldContain("correlation id");
        connection.IsBroken.ShouldBeTrue();
    }

    [Fact]
    public async Task SendAsync_SilentBroker_TimesOutAndBreaksConnection()
    {
        await using var broker = new FakeKafkaBroker((key, _, _) => key == ApiKey.ApiVersions ? FakeKafkaBroker.ApiVersions(FakeKafkaBroker.Kafka41Versions) : null);
        var options = new KafkaConnectionOptions { RequestTimeout = TimeSpan.FromMilliseconds(300) };
        await using var connection = await KafkaConnection.OpenAsync(broker.Endpoint, options, CancellationToken.None);
        var error = await Should.ThrowAsync<KafkaProtocolException>(() => connection.SendAsync(new MetadataRequest(null), CancellationToken.None));
        error.ErrorCode.ShouldBe(KafkaErrorCode.RequestTimedOut);
        connection.IsBroken.ShouldBeTrue();
    }

    [Fact]
    public async Task OpenAsync_SaslPlain_SendsHandshakeAndCredentials()
    {
        string? mechanism = null;
        byte[]? token = null;
        await using var broker = new FakeKafkaBroker((key, _, body) =>
        {
            switch (key)
            {
                case ApiKey.ApiVersions:
                    return FakeKafkaBroker.ApiVersions(FakeKafkaBroker.Kafka41Versions);
                case ApiKey.SaslHandshake:
                    mechanism = body.String();
                    return new KafkaWriter().Int16(0).Array(["PLAIN"], (w, m) => w.String(m)).ToArray();
                case ApiKey.SaslAuthenticate:
                    token = body.Bytes();
                    return new KafkaWriter().Int16(0).NullableString(null).Bytes([]).Int64(0).ToArray();
                default:
                    return EmptyMetadataV8;
            }
        });
        var options = new KafkaConnectionOptions { Sasl = new KafkaSaslOptions(KafkaSaslMechanism.Plain, "alice", "s3cret") };
        await using var connection = await KafkaConnection.OpenAsync(broker.Endpoint, options, CancellationToken.None);
        mechanism.ShouldBe("PLAIN");
        Encoding.UTF8.GetString(token!).ShouldBe("\0alice\0s3cret");
    }

    [Theory]
    [InlineData(false, "SCRAM-SHA-256")]
    [InlineData(true, "SCRAM-SHA-512")]
    public async Task OpenAsync_Scram_AuthenticatesAgainstVerifyingServer(bool sha512, string name)
    {
        var mechanism = sha512 ? KafkaSaslMechanism.ScramSha512 : KafkaSaslMechanism.ScramSha256;
        var server = new ScramServer(name, "alice", "pencil");
        await using var broker = new FakeKafkaBroker(server.Handle);
        var options = new KafkaConnectionOptions { Sasl = new KafkaSaslOptions(mechanism, "alice", "pencil") };
        await using var connection = await KafkaConnection.OpenAsync(broker.Endpoint, options, CancellationToken.None);
        server.Authenticated.ShouldBeTrue();
    }

    [Fact]
    public async Task OpenAsync_ScramWrongPassword_FailsWithoutLeakingIt()
    {
        var server = new ScramServer("SCRAM-SHA-256", "alice", "pencil");
        await using var broker = new FakeKafkaBroker(server.Handle);
        var options = new KafkaConnectionOptions { Sasl = new KafkaSaslOptions(KafkaSaslMechanism.ScramSha256, "alice", "wrong-secret") };
        var error = await Should.ThrowAsync<KafkaProtocolException>(() => KafkaConnection.OpenAsync(broker.Endpoint, options, CancellationToken.None));
        error.ErrorCode.ShouldBe(KafkaErrorCode.SaslAuthenticationFailed);
        error.Message.ShouldNotContain("wrong-secret");
        server.Authenticated.ShouldBeFalse();
    }

    [Fact]
    public async Task OpenAsync_UnsupportedMechanism_ReportsOfferedMechanisms()
    {
        await using var broker = new FakeKafkaBroker((key, _, _) => key == ApiKey.ApiVersions
            ? FakeKafkaBroker.ApiVersions(FakeKafkaBroker.Kafka41Versions)
            : new KafkaWriter().Int16(33).Array(["SCRAM-SHA-512"], (w, m) => w.String(m)).ToArray());
        var options = new KafkaConnectionOptions { Sasl = new KafkaSaslOptions(KafkaSaslMechanism.Plain, "a", "b") };
        var error = await Should.ThrowAsync<KafkaProtocolException>(() => KafkaConnection.OpenAsync(broker.Endpoint, options, CancellationToken.None));
        error.Message.ShouldContain("SCRAM-SHA-512");
    }
}
