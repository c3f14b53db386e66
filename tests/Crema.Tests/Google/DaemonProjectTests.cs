using Crema.Google.Secrets;
using Crema.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crema.Tests.Google;

/// <summary>Crema's own project, where bare Secret Manager ids are read (as CREMA reads them).</summary>
public sealed class DaemonProjectTests
{
    [Fact]
    public async Task ResolveAsync_ProjectVariableSet_UsesItWithoutAskingTheMetadataServer()
    {
        using var http = new HttpClient();
        var project = new DaemonProject(http, name => name switch
        {
            "CLOUDSDK_CORE_PROJECT" => " crema-home ",
            "GCE_METADATA_HOST" => "127.0.0.1:1",
            _ => null,
        });

        (await project.ResolveAsync(CancellationToken.None)).ShouldBe("crema-home");
    }

    [Fact]
    public async Task ResolveAsync_NoVariable_AsksTheMetadataServerOnceWithItsHeader()
    {
        var requests = 0;
        string? flavor = null;
        await using var metadata = await LoopbackWebApp.StartAsync(app => app.MapGet("/computeMetadata/v1/project/project-id", (HttpRequest request) =>
        {
            Interlocked.Increment(ref requests);
            flavor = request.Headers["Metadata-Flavor"];
            return "crema-prod\n";
        }));
        using var http = new HttpClient();
        var project = new DaemonProject(http, name => name == "GCE_METADATA_HOST" ? new Uri(metadata.BaseAddress).Authority : null);

        (await project.ResolveAsync(CancellationToken.None)).ShouldBe("crema-prod");
        (await project.ResolveAsync(CancellationToken.None)).ShouldBe("crema-prod");

        requests.ShouldBe(1);
        flavor.ShouldBe("Google");
    }

    [Fact]
    public async Task ResolveAsync_NoVariableAndNoMetadataServer_SaysHowToNameTheProject()
    {
        await using var metadata = await LoopbackWebApp.StartAsync(app => app.MapGet("/{**path}", () => Results.NotFound()));
        using var http = new HttpClient();
        var project = new DaemonProject(http, name => name == "GCE_METADATA_HOST" ? new Uri(metadata.BaseAddress).Authority : null);

        var error = await Should.ThrowAsync<InvalidOperationException>(() => project.ResolveAsync(CancellationToken.None));

        error.Message.ShouldContain("set GOOGLE_CLOUD_PROJECT, or write the id as projects/PROJECT/secrets/ID");
    }
}
