using System.Net;
using System.Text.Json;
using Crema.Host.Emulator;
using Crema.Tests.Support;

namespace Crema.Tests.Emulator;

public sealed class CloudRunEmulatorTests
{
    private const string Pool = CloudRunHarness.Pool;

    [Fact]
    public async Task Get_WorkerPool_ServesTheAdminApiShape()
    {
        await using var h = await CloudRunHarness.StartAsync();

        using var json = await GetJsonAsync(h, $"v2/{Pool}", HttpStatusCode.OK);

        var root = json.RootElement;
        root.GetProperty("name").GetString().ShouldBe(Pool);
        root.GetProperty("uid").GetString().ShouldNotBeNullOrEmpty();
        root.GetProperty("generation").ValueKind.ShouldBe(JsonValueKind.String);
        root.GetProperty("observedGeneration").GetString().ShouldBe("1");
        root.GetProperty("scaling").GetProperty("manualInstanceCount").GetInt32().ShouldBe(1);
        root.GetProperty("createTime").GetString().ShouldBe("2025-06-01T12:00:00.000000Z");
        root.GetProperty("reconciling").GetBoolean().ShouldBeFalse();
        root.GetProperty("terminalCondition").GetProperty("type").GetString().ShouldBe("Ready");
        root.GetProperty("conditions").GetArrayLength().ShouldBe(1);
        root.GetProperty("launchStage").GetString().ShouldBe("GA");
        root.GetProperty("etag").GetString()!.ShouldStartWith("\"");
    }

    [Fact]
    public async Task Get_UnknownWorkerPool_Returns404InGoogleErrorShape()
    {
        await using var h = await CloudRunHarness.StartAsync();

        using var json = await GetJsonAsync(h, "v2/projects/demo/locations/us-central1/workerPools/ghost", HttpStatusCode.NotFound);

        var error = json.RootElement.GetProperty("error");
        error.GetProperty("code").GetInt32().ShouldBe(404);
        error.GetProperty("status").GetString().ShouldBe("NOT_FOUND");
        error.GetProperty("message").GetString()!.ShouldContain("ghost");
    }

    [Theory]
    [InlineData("")]
    [InlineData("?updateMask=template")]
    public async Task Patch_WithoutManualInstanceCountMask_Returns400InvalidArgument(string query)
    {
        await using var h = await CloudRunHarness.StartAsync();

        using var response = await PatchAsync(h, $"v2/{Pool}{query}", """{"scaling":{"manualInstanceCount":2}}""");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        json.RootElement.GetProperty("error").GetProperty("status").GetString().ShouldBe("INVALID_ARGUMENT");
    }

    [Fact]
    public async Task Patch_DelayedOperation_ReportsDoneAndAppliesCountOnlyAfterTheDelay()
    {
        await using var h = await CloudRunHarness.StartAsync(TimeSpan.FromSeconds(10));

        using var patch = await PatchAsync(h, $"v2/{Pool}?updateMask=scaling.manualInstanceCount", """{"scaling":{"manualInstanceCount":7}}""");
        using var operation = JsonDocument.Parse(await patch.Content.ReadAsStringAsync());
        var name = operation.RootElement.GetProperty("name").GetString()!;
        h.Clock.Advance(TimeSpan.FromSeconds(9));
        using var early = await GetJsonAsync(h, $"v2/{name}", HttpStatusCode.OK);
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        using var late = await GetJsonAsync(h, $"v2/{name}", HttpStatusCode.OK);
        using var pool = await GetJsonAsync(h, $"v2/{Pool}", HttpStatusCode.OK);

        patch.StatusCode.ShouldBe(HttpStatusCode.OK);
        name.ShouldStartWith("projects/demo/locations/us-central1/operations/");
        operation.RootElement.GetProperty("done").GetBoolean().ShouldBeFalse();
        operation.RootElement.GetProperty("metadata").GetProperty("@type").GetString().ShouldBe("type.googleapis.com/google.cloud.run.v2.WorkerPool");
        early.RootElement.GetProperty("done").GetBoolean().ShouldBeFalse();
        late.RootElement.GetProperty("done").GetBoolean().ShouldBeTrue();
        late.RootElement.GetProperty("response").GetProperty("scaling").GetProperty("manualInstanceCount").GetInt32().ShouldBe(7);
        pool.RootElement.GetProperty("scaling").GetProperty("manualInstanceCount").GetInt32().ShouldBe(7);
    }

    [Fact]
    public async Task Patch_ConflictFaultPostedOverHttp_Returns409AbortedThenAccepts()
    {
        await using var h = await CloudRunHarness.StartAsync();
        await h.PostAsync("emulator/faults", $$"""{"target":"{{Pool}}","conflicts":1}""");
        const string body = """{"scaling":{"manualInstanceCount":2}}""";

        using var first = await PatchAsync(h, $"v2/{Pool}?updateMask=scaling.manualInstanceCount", body);
        using var second = await PatchAsync(h, $"v2/{Pool}?updateMask=scaling.manualInstanceCount", body);

        first.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await first.Content.ReadAsStringAsync()).ShouldContain("\"ABORTED\"");
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PostTargets_NewWorkerPool_IsServedAndRecordedInHistory()
    {
        await using var h = await CloudRunHarness.StartAsync();
        const string added = "projects/demo/locations/europe-west1/workerpools/late";

        await h.PostAsync("emulator/targets", $$"""{"name":"{{added}}","count":4}""");
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        (await h.Client.SetInstanceCountAsync(added, 2, etag: null, CancellationToken.None)).IsApplied.ShouldBeTrue();
        var history = await h.Http.GetFromJsonAsync<List<EmulatorHistoryEntry>>(new Uri("emulator/history", UriKind.Relative));

        var canonical = added.Replace("workerpools", "workerPools", StringComparison.Ordinal);
        history!.Where(e => e.Target == canonical).Select(e => e.InstanceCount).ShouldBe([4, 2]);
        history!.Last().Time.ShouldBe(h.Clock.GetUtcNow());
        history!.Count(e => e.Target == Pool).ShouldBe(1);
    }

    [Fact]
    public async Task StartAsync_FixedPort_ListensOnLoopbackThatPort()
    {
        var port = FreeTcpPort.Next();

        await using var emulator = await CloudRunEmulator.StartAsync(new CloudRunEmulatorOptions { Port = port }, CancellationToken.None);

        emulator.BaseAddress.ShouldBe(new Uri($"http://127.0.0.1:{port}/"));
    }

    private static async Task<JsonDocument> GetJsonAsync(CloudRunHarness h, string path, HttpStatusCode expected)
    {
        using var response = await h.Http.GetAsync(new Uri(path, UriKind.Relative));
        response.StatusCode.ShouldBe(expected);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> PatchAsync(CloudRunHarness h, string path, string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        return await h.Http.PatchAsync(new Uri(path, UriKind.Relative), content);
    }
}
