using Crema.Host.Leadership;
using Crema.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Crema.Tests.Leadership;

public sealed class HolderIdentityTests
{
    [Fact]
    public async Task Resolve_CloudRun_RevisionAndInstanceIdFromTheMetadataServer()
    {
        await using var metadata = await HttpStub.StartAsync(context =>
            context.Request.Headers["Metadata-Flavor"] == "Google" && context.Request.Path == "/computeMetadata/v1/instance/id"
                ? context.Response.WriteAsync("0069c7a988b2a5f1")
                : Task.FromResult(context.Response.StatusCode = 404));
        var environment = new Dictionary<string, string> { ["K_REVISION"] = "crema-00012-abc", ["GCE_METADATA_HOST"] = new Uri(metadata.BaseAddress).Authority };

        var identity = await HolderIdentity.ResolveAsync(null, environment.GetValueOrDefault, new HttpClient(), CancellationToken.None);

        identity.ShouldBe("crema-00012-abc/0069c7a988b2a5f1");
    }

    [Fact]
    public async Task Resolve_Kubernetes_ThePodName()
    {
        var fromDownwardApi = await HolderIdentity.ResolveAsync(null, new Dictionary<string, string> { ["POD_NAME"] = "crema-7d9f-abcde" }.GetValueOrDefault, new HttpClient(), CancellationToken.None);
        var fromHostname = await HolderIdentity.ResolveAsync(null, new Dictionary<string, string> { ["KUBERNETES_SERVICE_HOST"] = "10.0.0.1", ["HOSTNAME"] = "crema-7d9f-xyz" }.GetValueOrDefault, new HttpClient(), CancellationToken.None);

        fromDownwardApi.ShouldBe("crema-7d9f-abcde");
        fromHostname.ShouldBe("crema-7d9f-xyz");
    }

    [Fact]
    public async Task Resolve_Configured_WinsOverThePlatform()
    {
        var identity = await HolderIdentity.ResolveAsync(" blue ", new Dictionary<string, string> { ["POD_NAME"] = "pod" }.GetValueOrDefault, new HttpClient(), CancellationToken.None);

        identity.ShouldBe("blue");
    }

    [Fact]
    public async Task Resolve_NowhereKnown_HostPidAndRandomSuffix_DifferentEachTime()
    {
        string? Nothing(string _) => null;

        var first = await HolderIdentity.ResolveAsync(null, Nothing, new HttpClient(), CancellationToken.None);
        var second = await HolderIdentity.ResolveAsync(null, Nothing, new HttpClient(), CancellationToken.None);

        first.ShouldStartWith($"{Environment.MachineName}-{Environment.ProcessId}-");
        first.ShouldMatch("-[0-9a-f]{6}$");
        second.ShouldNotBe(first);
    }
}
