using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Crema.Tests.Emulator;

/// <summary>The emulator's faults for the target back-off and drift tests: per-method status, another writer, deletion, clearing.</summary>
public sealed class CloudRunEmulatorFaultTests
{
    private const string Pool = CloudRunHarness.Pool;
    private const string Body = """{"scaling":{"manualInstanceCount":3}}""";

    [Fact]
    public async Task StatusFault_ForPatchOnly_RefusesPatchesAndServesGets()
    {
        await using var h = await CloudRunHarness.StartAsync();
        await h.PostAsync("emulator/faults", $$"""{"target":"{{Pool}}","status":403,"method":"PATCH","count":2}""");

        using var get = await h.Http.GetAsync(new Uri($"v2/{Pool}", UriKind.Relative));
        using var first = await PatchAsync(h, Body);
        using var second = await PatchAsync(h, Body);
        using var third = await PatchAsync(h, Body);

        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await first.Content.ReadAsStringAsync()).ShouldContain("\"PERMISSION_DENIED\"");
        second.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        third.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(404, "NOT_FOUND")]
    [InlineData(409, "ABORTED")]
    [InlineData(412, "FAILED_PRECONDITION")]
    public async Task StatusFault_NonRetryableStatus_CarriesGooglesStatusName(int status, string googleStatus)
    {
        await using var h = await CloudRunHarness.StartAsync();
        await h.PostAsync("emulator/faults", $$"""{"target":"{{Pool}}","status":{{status}}}""");

        using var response = await PatchAsync(h, Body);

        ((int)response.StatusCode).ShouldBe(status);
        (await response.Content.ReadAsStringAsync()).ShouldContain($"\"{googleStatus}\"");
    }

    [Fact]
    public async Task SetCount_AnotherWriter_ChangesCountGenerationAndEtagAndHistory()
    {
        await using var h = await CloudRunHarness.StartAsync();
        var before = await h.Client.GetAsync(Pool, CancellationToken.None);

        await h.PostAsync("emulator/faults", $$"""{"target":"{{Pool}}","setCount":9}""");
        var after = await h.Client.GetAsync(Pool, CancellationToken.None);

        after.InstanceCount.ShouldBe(9);
        after.Generation.ShouldBe(before.Generation + 1);
        after.ObservedGeneration.ShouldBe(after.Generation);
        after.Etag.ShouldNotBe(before.Etag);
        var stale = await h.Client.SetInstanceCountAsync(Pool, 2, before.Etag, CancellationToken.None);
        stale.Outcome.ShouldBe(Crema.Google.CloudRun.ScaleOutcome.Conflict, "an update with the etag read before the change conflicts");
        var history = await h.Http.GetFromJsonAsync<JsonElement>(new Uri("emulator/history", UriKind.Relative));
        Crema.Tests.Daemon.DaemonPrometheusEndToEndTests.HistoryCounts(history, Pool).ShouldBe([1, 9]);
    }

    [Fact]
    public async Task Delete_Target_AnswersNotFoundUntilAddedAgain()
    {
        await using var h = await CloudRunHarness.StartAsync();

        await h.PostAsync("emulator/faults", $$"""{"target":"{{Pool}}","delete":true}""");
        using var gone = await h.Http.GetAsync(new Uri($"v2/{Pool}", UriKind.Relative));
        using var patch = await PatchAsync(h, Body);
        await h.PostAsync("emulator/targets", $$"""{"name":"{{Pool}}","count":0}""");
        using var back = await h.Http.GetAsync(new Uri($"v2/{Pool}", UriKind.Relative));

        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        patch.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        back.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DeleteFaults_DisarmsStatusFaultsAndConflicts()
    {
        await using var h = await CloudRunHarness.StartAsync();
        await h.PostAsync("emulator/faults", $$"""{"target":"{{Pool}}","status":403,"method":"PATCH","count":100}""");
        await h.PostAsync("emulator/faults", $$"""{"target":"{{Pool}}","conflicts":100}""");

        using var cleared = await h.Http.DeleteAsync(new Uri("emulator/faults", UriKind.Relative));
        using var patch = await PatchAsync(h, Body);

        cleared.StatusCode.ShouldBe(HttpStatusCode.OK);
        patch.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("""{"status":403,"method":"DELETE"}""")]
    [InlineData("""{"target":"TARGET","setCount":-1}""")]
    [InlineData("""{"setCount":3}""")]
    [InlineData("""{"delete":true}""")]
    public async Task AddFault_Invalid_Returns400(string json)
    {
        await using var h = await CloudRunHarness.StartAsync();
        using var content = new StringContent(json.Replace("TARGET", Pool, StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json");

        using var response = await h.Http.PostAsync(new Uri("emulator/faults", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static async Task<HttpResponseMessage> PatchAsync(CloudRunHarness h, string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        return await h.Http.PatchAsync(new Uri($"v2/{Pool}?updateMask=scaling.manualInstanceCount", UriKind.Relative), content);
    }
}
