namespace Crema.Tests.Scalers.Redis;

/// <summary>
/// KEDA 2.20's pkg/scalers/redis_scaler_test.go, every parse case as a row (<see cref="RedisKedaCases"/> renders
/// the bound trigger; its two adjustments are shown once below). Where Crema rejects what KEDA accepts, the row
/// holds Crema's error and says why; KEDA would fail those on the first connect, or build an HPA target of 0.
/// Not applicable: TestRedisGetMetricSpecForScaling (external metric names exist only for a Kubernetes HPA).
/// </summary>
public sealed class RedisKedaListMetadataTests
{
    /// <summary>TestRedisParseMetadata (testRedisMetadata), type redis, with testRedisResolvedEnv.</summary>
    [Theory]
    [InlineData("nothing passed", "", "", "ERROR address: is required: give address (host:port) or host and port, in metadata or as parameters of the trigger's authenticationRef; listName: is required")]
    // KEDA accepts an address without a port (REDIS_HOST holds "none") and fails to dial it; Crema reads it as the config's error.
    [InlineData("properly formed listName", "listName=mylist|listLength=10|addressFromEnv=REDIS_HOST|passwordFromEnv=REDIS_PASSWORD", "", "ERROR address: \"none\" is not host:port")]
    [InlineData("properly formed hostPort", "listName=mylist|listLength=10|hostFromEnv=REDIS_HOST|portFromEnv=REDIS_PORT|passwordFromEnv=REDIS_PASSWORD", "", "none:6379; list mylist length 10 activation 0; password none")]
    // The same, and the port is the text "REDIS_PORT" (KEDA joins it into "REDIS_HOST:REDIS_PORT" and never uses it).
    [InlineData("properly formed hostPort", "listName=mylist|listLength=10|addressFromEnv=REDIS_HOST|host=REDIS_HOST|port=REDIS_PORT|passwordFromEnv=REDIS_PASSWORD", "", "ERROR address: \"none\" is not host:port; port: \"REDIS_PORT\" is not a port number (1-65535)")]
    [InlineData("improperly formed hostPort", "listName=mylist|listLength=10|hostFromEnv=REDIS_HOST|passwordFromEnv=REDIS_PASSWORD", "", "ERROR port: is required with host (or give address as host:port)")]
    [InlineData("properly formed listName, empty address", "listName=mylist|listLength=10|address=|password=", "", "ERROR address: is required: give address (host:port) or host and port, in metadata or as parameters of the trigger's authenticationRef")]
    [InlineData("improperly formed listLength", "listName=mylist|listLength=AA|addressFromEnv=REDIS_HOST|password=", "", "ERROR address: \"none\" is not host:port; listLength: \"AA\" is not an integer")]
    [InlineData("improperly formed activationListLength", "listName=mylist|listLength=1|activationListLength=AA|addressFromEnv=REDIS_HOST|password=", "", "ERROR address: \"none\" is not host:port; activationListLength: \"AA\" is not an integer")]
    [InlineData("address does not resolve", "listName=mylist|listLength=0|addressFromEnv=REDIS_WRONG|password=", "", "ERROR addressFromEnv: environment variable \"REDIS_WRONG\" is not set; address: is required: give address (host:port) or host and port, in metadata or as parameters of the trigger's authenticationRef; listLength: must be > 0, found 0")]
    [InlineData("password is defined in the authParams", "listName=mylist|listLength=0|addressFromEnv=REDIS_WRONG", "password=", "ERROR addressFromEnv: environment variable \"REDIS_WRONG\" is not set; address: is required: give address (host:port) or host and port, in metadata or as parameters of the trigger's authenticationRef; listLength: must be > 0, found 0")]
    // KEDA accepts listLength 0, a target the HPA rejects; with listLength 1 these rows bind as KEDA expects (next theory).
    [InlineData("address is defined in the authParams", "listName=mylist|listLength=0", "address=localhost:6379", "ERROR listLength: must be > 0, found 0")]
    [InlineData("host and port is defined in the authParams", "listName=mylist|listLength=0", "host=localhost|port=6379", "ERROR listLength: must be > 0, found 0")]
    [InlineData("enableTLS, TLS defined in the authParams only", "listName=mylist|listLength=0", "address=localhost:6379|tls=enable|ca=caaa|cert=ceert|key=keey", "ERROR listLength: must be > 0, found 0")]
    [InlineData("enableTLS, TLS cert/key and assumed public CA", "listName=mylist|listLength=0", "address=localhost:6379|tls=enable|cert=ceert|key=keey", "ERROR listLength: must be > 0, found 0")]
    [InlineData("enableTLS, TLS cert/key + key password and assumed public CA", "listName=mylist|listLength=0", "address=localhost:6379|tls=enable|cert=ceert|key=keey|keyPassword=keeyPassword", "ERROR listLength: must be > 0, found 0")]
    [InlineData("enableTLS, TLS CA only", "listName=mylist|listLength=0", "address=localhost:6379|tls=enable|ca=caaa", "ERROR listLength: must be > 0, found 0")]
    [InlineData("enableTLS is enabled by metadata", "listName=mylist|listLength=0|enableTLS=true", "address=localhost:6379", "ERROR listLength: must be > 0, found 0")]
    [InlineData("enableTLS is defined both in authParams and metadata", "listName=mylist|listLength=0|enableTLS=true", "address=localhost:6379|tls=disable", "ERROR tls: cannot be set both as enableTLS in metadata and as tls in the trigger's authenticationRef; give one; listLength: must be > 0, found 0")]
    [InlineData("host only is defined in the authParams", "listName=mylist|listLength=0", "host=localhost", "ERROR port: is required with host (or give address as host:port); listLength: must be > 0, found 0")]
    public void Bind_KedaParseMetadataTable(string kedaCase, string metadata, string auth, string expected) =>
        RedisKedaCases.Bind("redis", metadata, auth).ShouldBe(expected, kedaCase);

    /// <summary>The rows above that KEDA accepts with listLength 0, with listLength 1: what KEDA asserts (TLS on, ca/cert/key/keyPassword kept).</summary>
    [Theory]
    [InlineData("address is defined in the authParams", "", "address=localhost:6379", "localhost:6379; list mylist length 1 activation 0")]
    [InlineData("host and port is defined in the authParams", "", "host=localhost|port=6379", "localhost:6379; list mylist length 1 activation 0")]
    [InlineData("enableTLS, TLS defined in the authParams only", "", "address=localhost:6379|tls=enable|ca=caaa|cert=ceert|key=keey", "localhost:6379; list mylist length 1 activation 0; tls ca cert")]
    [InlineData("enableTLS, TLS cert/key and assumed public CA", "", "address=localhost:6379|tls=enable|cert=ceert|key=keey", "localhost:6379; list mylist length 1 activation 0; tls cert")]
    [InlineData("enableTLS, TLS cert/key + key password and assumed public CA", "", "address=localhost:6379|tls=enable|cert=ceert|key=keey|keyPassword=keeyPassword", "localhost:6379; list mylist length 1 activation 0; tls cert keypassword")]
    [InlineData("enableTLS, TLS CA only", "", "address=localhost:6379|tls=enable|ca=caaa", "localhost:6379; list mylist length 1 activation 0; tls ca")]
    [InlineData("enableTLS is enabled by metadata", "enableTLS=true", "address=localhost:6379", "localhost:6379; list mylist length 1 activation 0; tls")]
    public void Bind_KedaRowsWithListLengthOne_BindAsKedaExpects(string kedaCase, string metadata, string auth, string expected) =>
        RedisKedaCases.Bind("redis", "listName=mylist|listLength=1|" + metadata, auth).ShouldBe(expected, kedaCase);

    /// <summary>TestParseRedisClusterMetadata and TestParseRedisSentinelMetadata, with KEDA's wantMeta or Crema's errors for its wantErr.</summary>
    [Theory]
    [InlineData("redis-cluster", "empty metadata", "", "", "ERROR addresses: is required: give addresses (comma-separated host:port) or hosts and ports, in metadata or as parameters of the trigger's authenticationRef; listName: is required")]  // KEDA: ErrRedisNoAddresses
    [InlineData("redis-cluster", "unequal number of Hosts/Ports", "listName=mylist|hosts=a, b, c|ports=1, 2", "", "ERROR ports: not enough hosts or ports given: 3 host(s) and 2 port(s); give one port per host")]  // KEDA: ErrRedisUnequalHostsAndPorts
    [InlineData("redis-cluster", "no list name", "hosts=a, b, c|ports=1, 2, 3|listLength=5", "", "ERROR listName: is required")]  // KEDA: ErrRedisParse
    [InlineData("redis-cluster", "invalid list length", "hosts=a, b, c|ports=1, 2, 3|listName=mylist|listLength=invalid", "", "ERROR listLength: \"invalid\" is not an integer")]  // KEDA: ErrRedisParse
    [InlineData("redis-cluster", "address is defined in auth params", "listName=mylist", "addresses=:7001, :7002", ":7001,:7002; list mylist length 5 activation 0")]
    [InlineData("redis-cluster", "Hosts and Ports given in auth params", "listName=mylist", "hosts=   a, b,    c |ports=1, 2, 3", "a:1,b:2,c:3; list mylist length 5 activation 0")]
    [InlineData("redis-cluster", "Username given in authParams", "hosts=a, b, c|ports=1, 2, 3|listName=mylist", "username=username", "a:1,b:2,c:3; list mylist length 5 activation 0; user username")]
    [InlineData("redis-cluster", "Username given in metadata", "hosts=a, b, c|ports=1, 2, 3|listName=mylist|username=username", "", "a:1,b:2,c:3; list mylist length 5 activation 0; user username")]
    [InlineData("redis-cluster", "Username given in metadata from env", "hosts=a, b, c|ports=1, 2, 3|listName=mylist|usernameFromEnv=REDIS_USERNAME", "", "a:1,b:2,c:3; list mylist length 5 activation 0; user none")]
    [InlineData("redis-cluster", "Password given in authParams", "hosts=a, b, c|ports=1, 2, 3|listName=mylist", "password=password", "a:1,b:2,c:3; list mylist length 5 activation 0; password password")]
    [InlineData("redis-cluster", "Password given in metadata from env", "hosts=a, b, c|ports=1, 2, 3|listName=mylist|passwordFromEnv=REDIS_PASSWORD", "", "a:1,b:2,c:3; list mylist length 5 activation 0; password none")]
    [InlineData("redis-cluster", "tls enabled without setting UnsafeSsl", "listName=mylist|enableTLS=true", "addresses=:7001, :7002", ":7001,:7002; list mylist length 5 activation 0; tls")]
    [InlineData("redis-cluster", "tls enabled with UnsafeSsl true", "listName=mylist|enableTLS=true|unsafeSsl=true", "addresses=:7001, :7002", ":7001,:7002; list mylist length 5 activation 0; tls unsafe")]
    [InlineData("redis-sentinel", "empty metadata", "", "", "ERROR addresses: is required: give addresses (comma-separated host:port) or hosts and ports, in metadata or as parameters of the trigger's authenticationRef; listName: is required")]  // KEDA: ErrRedisNoAddresses
    [InlineData("redis-sentinel", "unequal number of Hosts/Ports", "hosts=a, b, c|ports=1, 2", "", "ERROR ports: not enough hosts or ports given: 3 host(s) and 2 port(s); give one port per host; listName: is required")]  // KEDA: ErrRedisUnequalHostsAndPorts
    [InlineData("redis-sentinel", "no list name", "hosts=a, b, c|ports=1, 2, 3|listLength=5", "", "ERROR listName: is required")]  // KEDA: ErrRedisParse
    [InlineData("redis-sentinel", "invalid list length", "hosts=a, b, c|ports=1, 2, 3|listName=mylist|listLength=invalid", "", "ERROR listLength: \"invalid\" is not an integer")]  // KEDA: ErrRedisParse
    [InlineData("redis-sentinel", "address is defined in auth params", "listName=mylist", "addresses=:7001, :7002", ":7001,:7002; list mylist length 5 activation 0; master mymaster")]
    [InlineData("redis-sentinel", "Hosts and Ports given in auth params", "listName=mylist", "hosts=   a, b,    c |ports=1, 2, 3", "a:1,b:2,c:3; list mylist length 5 activation 0; master mymaster")]
    // KEDA repeats "Hosts and Ports given in auth params" here with the same input.
    [InlineData("redis-sentinel", "Username given in authParams", "hosts=a, b, c|ports=1, 2, 3|listName=mylist", "username=username", "a:1,b:2,c:3; list mylist length 5 activation 0; user username; master mymaster")]
    [InlineData("redis-sentinel", "Username given in metadata", "hosts=a, b, c|ports=1, 2, 3|listName=mylist|username=username", "", "a:1,b:2,c:3; list mylist length 5 activation 0; user username; master mymaster")]
    [InlineData("redis-sentinel", "Username given in metadata from env", "hosts=a, b, c|ports=1, 2, 3|listName=mylist|usernameFromEnv=REDIS_USERNAME", "", "a:1,b:2,c:3; list mylist length 5 activation 0; user none; master mymaster")]
    [InlineData("redis-sentinel", "Password given in authParams", "hosts=a, b, c|ports=1, 2, 3|listName=mylist", "password=password", "a:1,b:2,c:3; list mylist length 5 activation 0; password password; master mymaster")]
    [InlineData("redis-sentinel", "Password given in metadata from env", "hosts=a, b, c|ports=1, 2, 3|listName=mylist|passwordFromEnv=REDIS_PASSWORD", "", "a:1,b:2,c:3; list mylist length 5 activation 0; password none; master mymaster")]
    [InlineData("redis-sentinel", "sentinelUsername given in authParams", "hosts=a, b, c|ports=1, 2, 3|listName=mylist", "sentinelUsername=sentinelUsername", "a:1,b:2,c:3; list mylist length 5 activation 0; sentinel user sentinelUsername; master mymaster")]
    [InlineData("redis-sentinel", "sentinelUsername given in metadata", "hosts=a, b, c|ports=1, 2, 3|listName=mylist|sentinelUsername=sentinelUsername", "", "a:1,b:2,c:3; list mylist length 5 activation 0; sentinel user sentinelUsername; master mymaster")]
    [InlineData("redis-sentinel", "sentinelUsername given in metadata from env", "hosts=a, b, c|ports=1, 2, 3|listName=mylist|sentinelUsernameFromEnv=REDIS_SENTINEL_USERNAME", "", "a:1,b:2,c:3; list mylist length 5 activation 0; sentinel user none; master mymaster")]
    [InlineData("redis-sentinel", "sentinelPassword given in authParams", "hosts=a, b, c|ports=1, 2, 3|listName=mylist", "sentinelPassword=sentinelPassword", "a:1,b:2,c:3; list mylist length 5 activation 0; sentinel password sentinelPassword; master mymaster")]
    [InlineData("redis-sentinel", "sentinelPassword given in metadata from env", "hosts=a, b, c|ports=1, 2, 3|listName=mylist|sentinelPasswordFromEnv=REDIS_SENTINEL_PASSWORD", "", "a:1,b:2,c:3; list mylist length 5 activation 0; sentinel password none; master mymaster")]
    [InlineData("redis-sentinel", "sentinelMaster given in authParams", "hosts=a, b, c|ports=1, 2, 3|listName=mylist", "sentinelMaster=sentinelMaster", "a:1,b:2,c:3; list mylist length 5 activation 0; master sentinelMaster")]
    [InlineData("redis-sentinel", "sentinelMaster given in metadata", "hosts=a, b, c|ports=1, 2, 3|listName=mylist|sentinelMaster=sentinelMaster", "", "a:1,b:2,c:3; list mylist length 5 activation 0; master sentinelMaster")]
    [InlineData("redis-sentinel", "sentinelMaster given in metadata from env", "hosts=a, b, c|ports=1, 2, 3|listName=mylist|sentinelMasterFromEnv=REDIS_SENTINEL_MASTER", "", "a:1,b:2,c:3; list mylist length 5 activation 0; master none")]
    [InlineData("redis-sentinel", "tls enabled without setting UnsafeSsl", "listName=mylist|enableTLS=true", "addresses=:7001, :7002", ":7001,:7002; list mylist length 5 activation 0; master mymaster; tls")]
    [InlineData("redis-sentinel", "tls enabled with UnsafeSsl true", "listName=mylist|enableTLS=true|unsafeSsl=true", "addresses=:7001, :7002", ":7001,:7002; list mylist length 5 activation 0; master mymaster; tls unsafe")]
    public void Bind_KedaClusterAndSentinelTables(string type, string kedaCase, string metadata, string auth, string expected) =>
        RedisKedaCases.Bind(type, metadata, auth).ShouldBe(expected, kedaCase);

    [Fact]
    public void Bind_SentinelRowWithoutSentinelMaster_IsAnErrorInCrema()
    {
        var result = RedisKedaCases.Bind("redis-sentinel", "listName=mylist", "hosts=a, b, c|ports=1, 2, 3", adjusted: false);

        result.ShouldBe("ERROR sentinelMaster: is required: the name of the primary the sentinels monitor");
    }

    [Fact]
    public void Bind_KedaPlaceholderCertificates_AreNotPemInCrema()
    {
        var result = RedisKedaCases.Bind("redis", "listName=mylist", "address=localhost:6379|tls=enable|ca=caaa|cert=ceert|key=keey|keyPassword=keeyPassword", adjusted: false);

        result.ShouldBe("ERROR ca: is not a PEM certificate; cert: with key and keyPassword is not a PEM certificate and encrypted private key that belong together (check keyPassword)");
        result.ShouldNotContain("keey");
    }
}
