using Crema.Host.Cli;
using Crema.Host.Observability.Otlp;
using OpenTelemetry.Exporter;

namespace Crema.Tests.Cli;

public sealed class OtlpArgumentsTests
{
    [Fact]
    public void TryResolve_NoEndpointAnywhere_ExportOff()
    {
        Resolve(null, null, new()).ShouldBeNull();
    }

    [Theory]
    [InlineData("http://localhost:4318", "http://localhost:4318/v1/metrics")]
    [InlineData("http://collector:4318/", "http://collector:4318/v1/metrics")]
    [InlineData("https://otlp.example.com/base/", "https://otlp.example.com/base/v1/metrics")]
    public void TryResolve_BaseEndpointOverHttp_AppendsTheMetricsPath(string variable, string expected)
    {
        var options = Resolve(null, null, new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = variable })!;

        options.Endpoint.AbsoluteUri.ShouldBe(expected);
        options.Protocol.ShouldBe(OtlpExportProtocol.HttpProtobuf);
        options.Interval.ShouldBe(TimeSpan.FromSeconds(60));
        options.Timeout.ShouldBe(TimeSpan.FromSeconds(10));
        options.CardinalityLimit.ShouldBe(2000);
    }

    [Fact]
    public void TryResolve_OptionBeforeSignalVariableBeforeBaseVariable()
    {
        var environment = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://base:4318",
            ["OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"] = "http://signal:4318/custom/path",
        };

        Resolve("http://flag:4318", null, environment)!.Endpoint.AbsoluteUri.ShouldBe("http://flag:4318/v1/metrics");
        Resolve(null, null, environment)!.Endpoint.AbsoluteUri.ShouldBe("http://signal:4318/custom/path");
    }

    [Fact]
    public void TryResolve_Grpc_EndpointAsGivenAndFlagBeforeVariables()
    {
        var environment = new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://localhost:4317", ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc" };

        var options = Resolve(null, null, environment)!;
        options.Protocol.ShouldBe(OtlpExportProtocol.Grpc);
        options.Endpoint.AbsoluteUri.ShouldBe("http://localhost:4317/");
        Resolve(null, "http/protobuf", environment)!.Protocol.ShouldBe(OtlpExportProtocol.HttpProtobuf);
    }

    [Fact]
    public void TryResolve_MetricsExporterNone_TurnsTheVariablesOffButNotTheFlag()
    {
        var environment = new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://localhost:4318", ["OTEL_METRICS_EXPORTER"] = "none" };

        Resolve(null, null, environment).ShouldBeNull();
        Resolve("http://localhost:4318", null, environment).ShouldNotBeNull();
    }

    [Fact]
    public void TryResolve_IntervalTimeoutHeadersAndLimit_Taken()
    {
        var options = Resolve("http://localhost:4318", null, new()
        {
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "15000",
            ["OTEL_EXPORTER_OTLP_TIMEOUT"] = "3000",
            ["OTEL_EXPORTER_OTLP_HEADERS"] = "authorization=Bearer%20abc,x-team=ops",
            ["CREMA_OTLP_CARDINALITY_LIMIT"] = "20000",
        })!;

        options.Interval.ShouldBe(TimeSpan.FromSeconds(15));
        options.Timeout.ShouldBe(TimeSpan.FromSeconds(3));
        options.Headers.ShouldBe("authorization=Bearer%20abc,x-team=ops");
        options.CardinalityLimit.ShouldBe(20000);
        options.ToString().ShouldNotContain("abc");
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json", "OTEL_EXPORTER_OTLP_PROTOCOL: \"http/json\" is not http/protobuf or grpc (http/json is not supported)")]
    [InlineData("OTEL_METRIC_EXPORT_INTERVAL", "5s", "OTEL_METRIC_EXPORT_INTERVAL: \"5s\" is not a whole number of milliseconds of at least 100")]
    [InlineData("OTEL_EXPORTER_OTLP_TIMEOUT", "0", "OTEL_EXPORTER_OTLP_TIMEOUT: \"0\" is not a whole number of milliseconds of at least 1")]
    [InlineData("CREMA_OTLP_CARDINALITY_LIMIT", "lots", "CREMA_OTLP_CARDINALITY_LIMIT: \"lots\" is not a whole number from 1 to 1000000")]
    public void TryResolve_BadSetting_FailsNamingTheVariable(string name, string value, string expected)
    {
        var environment = new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://localhost:4318", [name] = value };

        OtlpArguments.TryResolve(null, null, environment.GetValueOrDefault, out var options, out var error).ShouldBeFalse();

        options.ShouldBeNull();
        error.ShouldBe(expected);
    }

    [Theory]
    [InlineData("localhost:4318")]
    [InlineData("ftp://user:s3cret@host/")]
    [InlineData("/v1/metrics")]
    public void TryResolve_EndpointNotAnHttpUrl_FailsWithoutEchoingIt(string endpoint)
    {
        OtlpArguments.TryResolve(endpoint, null, _ => null, out _, out var error).ShouldBeFalse();

        error.ShouldBe("--otlp-endpoint: not an http:// or https:// URL (for example http://localhost:4318)");
    }

    [Theory]
    [InlineData("authorization")]
    [InlineData("=Bearer s3cret")]
    [InlineData("x-ok=1,bad header=s3cret")]
    [InlineData("x-ok=s3cret%0Ainjected: 1")]
    public void TryResolve_MalformedHeaders_FailsNamingThePairNotItsText(string headers)
    {
        var environment = new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://localhost:4318", ["OTEL_EXPORTER_OTLP_HEADERS"] = headers };

        OtlpArguments.TryResolve(null, null, environment.GetValueOrDefault, out _, out var error).ShouldBeFalse();

        error.ShouldStartWith("OTEL_EXPORTER_OTLP_HEADERS: header ");
        error.ShouldNotContain("s3cret");
        error.ShouldNotContain("authorization");
    }

    [Fact]
    public void TryResolve_RepeatedHeaderName_FailsBeforeTheExporterWouldThrow()
    {
        var environment = new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://localhost:4318", ["OTEL_EXPORTER_OTLP_HEADERS"] = "x-team=a,x-team=s3cret" };

        OtlpArguments.TryResolve(null, null, environment.GetValueOrDefault, out _, out var error).ShouldBeFalse();

        error.ShouldBe("OTEL_EXPORTER_OTLP_HEADERS: header 2 of 2 repeats the name \"x-team\"; give each header once");
    }

    private static OtlpExportOptions? Resolve(string? endpoint, string? protocol, Dictionary<string, string> environment)
    {
        OtlpArguments.TryResolve(endpoint, protocol, environment.GetValueOrDefault, out var options, out var error).ShouldBeTrue(error);
        return options;
    }
}
