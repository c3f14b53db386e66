using System.Diagnostics;
using Crema.Google.CloudRun;
using Crema.Tests.Daemon;
using Crema.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Crema.Tests.Http.StatusPageFleet;

namespace Crema.Tests.Http;

/// <summary>
/// The status page in a real headless Chromium against a running daemon with 1,000 objects in every
/// state, after 17 polls of each (eight minutes on the fake clock). Saves the screenshots (in docs/ with
/// CREMA_UPDATE_EXPECTED=1).
/// </summary>
public sealed class StatusPageBrowserTests(ITestOutputHelper output)
{
    private const int Objects = 1000;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Start = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly int FirstRamping = Scaling + CantScale + Paused + Fallback + Error + Idle;

    [Fact]
    public async Task StatusPage_ThousandObjects_CountsFiltersSortsAndDrawsTheHour()
    {
        var watch = Stopwatch.StartNew();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var scalers = new SettableScalerFactory();
        SetValues(scalers, 0);
        // The scaling group's updates never finish within the test: their operations take an hour.
        var slow = Enumerable.Range(0, Objects).Where(i => GroupOf(i) == "scaling").ToDictionary(Target, _ => TimeSpan.FromHours(1));
        // Quotas far above the default: 1,000 first reads at 600 a minute would take 100 s of the clock, which
        // only moves between polls here (the pacing has tests of its own).
        await using var harness = await DaemonHarness.StartAsync(Yaml(Objects), Targets(Objects), [scalers], operationDelays: slow,
            time: new TimerSignallingTimeProvider(Start),
            environment: new Dictionary<string, string> { [CloudRunQuota.ReadsVariable] = "1000000", [CloudRunQuota.WritesVariable] = "1000000" });
        try
        {
            await WaitForPollsAsync(harness, Start);
            for (var step = 1; step <= Steps; step++)
            {
                SetValues(scalers, step);
                // Every loop not held by an hour-long update parks for one interval; counting only those waits, so the
                // daemon's other timers cannot stand in for a loop that is still finishing its poll.
                var parking = harness.Daemon.Status.Objects.Count(o => o.PendingUpdate is null);
                (await harness.Time.WaitForPendingWaitsAsync(parking, TimeSpan.FromSeconds(60), Interval)).ShouldBeTrue("every loop parks on the clock");
                harness.Time.Advance(Interval);
                await WaitForPollsAsync(harness, harness.Time.GetUtcNow());
            }
            var daemonTime = watch.Elapsed;
            // A figure, not a check: the daemon, its emulator and the fake scalers share this test process.
            output.WriteLine($"managed heap grew {(GC.GetTotalMemory(forceFullCollection: true) - heapBefore) / 1024 / 1024.0:0.0} MiB with {Objects} objects (daemon and emulator)");
            await ReportSizesAsync(harness);

            await using var chromium = await HeadlessChromium.LaunchAsync(1400, 1000);
            var page = await chromium.Context.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, message) => errors.AddRange(message.Type == "error" ? [message.Text] : []);
            page.PageError += (_, error) => errors.Add(error);
            await page.GotoAsync(harness.Daemon.BaseAddress.AbsoluteUri);

            (await CountAsync(page, "")).ShouldBe(Objects);
            (await CountAsync(page, "active")).ShouldBe(Active(Objects));
            (await CountAsync(page, "scaling")).ShouldBe(Scaling);
            (await CountAsync(page, "cant-scale")).ShouldBe(CantScale);
            (await CountAsync(page, "paused")).ShouldBe(Paused);
            (await CountAsync(page, "fallback")).ShouldBe(Fallback);
            (await CountAsync(page, "error")).ShouldBe(Error);
            (await CountAsync(page, "idle")).ShouldBe(Idle);
            (await page.Locator("#rows tr").CountAsync()).ShouldBe(Objects);
            (await page.TextContentAsync("#shown")).ShouldBe("1000");

            // Typing filters at once; the filter survives a reload (it lives in the URL's fragment).
            await page.Locator("#q").PressSequentiallyAsync("w-012");
            await ShownAsync(page, 10);
            (await page.Locator("#rows tr:visible td:first-child").AllTextContentsAsync()).ShouldBe(Enumerable.Range(120, 10).Select(Name));
            await page.Locator("#q").PressSequentiallyAsync("3");
            await ShownAsync(page, 1);
            await page.ReloadAsync();
            (await page.InputValueAsync("#q")).ShouldBe("w-0123");
            await ShownAsync(page, 1);

            // A count filters by state; a header sorts (again: the other way).
            await page.Locator("#q").FillAsync("");
            await page.ClickAsync("#counts a[data-state=error]");
            await ShownAsync(page, Error);
            (await page.Locator("#rows tr:visible").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.state)")).ShouldAllBe(s => s == "error");
            await page.SelectOptionAsync("#state", "");
            await ShownAsync(page, Objects);
            await page.ClickAsync("th[data-k='0']");
            await page.ClickAsync("th[data-k='0']");
            (await page.TextContentAsync("#rows tr:first-child td:first-child")).ShouldBe(Name(Objects - 1));
            await page.ClickAsync("th[data-k='0']");
            (await page.TextContentAsync("#rows tr:first-child td:first-child")).ShouldBe(Name(0));
            await page.GotoAsync(harness.Daemon.BaseAddress.AbsoluteUri + "#q=&state=&sort=-1&dir=1");
            await page.ReloadAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("status-page.png") });

            // The detail view of an object that ramped up: both charts drawn from every poll, and its events.
            await page.Locator("#q").FillAsync(Name(FirstRamping));
            await page.ClickAsync($"a[href='objects/{Name(FirstRamping)}']");
            await page.WaitForURLAsync("**/objects/" + Name(FirstRamping));
            (await page.Locator("figcaption").AllTextContentsAsync()).ShouldBe(["instances", "trigger queue (settable)"]);
            var points = await page.Locator("svg g.series").EvaluateAllAsync<int[]>("groups => groups.map(g => Number(g.dataset.points))");
            points.ShouldBe([Steps + 1, Steps + 1, Steps + 1, Steps + 1], "current, desired, value and target of every poll");
            (await page.Locator("svg g.series polyline").CountAsync()).ShouldBe(4);
            var events = await page.Locator("#events tbody tr td:nth-child(2)").AllTextContentsAsync();
            events.ShouldBe(["4 → 5", "3 → 4", "2 → 3", "1 → 2"]);
            (await page.Locator("#events tbody tr td:nth-child(3)").AllTextContentsAsync()).ShouldAllBe(o => o == "applied");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("status-detail.png"), FullPage = true });

            await page.GotoAsync(new Uri(harness.Daemon.BaseAddress, "objects/" + Name(0)).AbsoluteUri);
            (await page.TextContentAsync("#pending")).ShouldBe("updating 1 → 3 since 60 s ago");
            await page.GotoAsync(new Uri(harness.Daemon.BaseAddress, "objects/" + Name(Scaling)).AbsoluteUri);
            (await page.TextContentAsync("#cloud-run-error"))!.ShouldStartWith("Cloud Run: ");
            errors.ShouldBeEmpty("no script error and no request blocked by the page's Content-Security-Policy");
            foreach (var shot in new[] { "status-page.png", "status-detail.png" })
            {
                new FileInfo(ScreenshotPath(shot)).Length.ShouldBeGreaterThan(10_000, $"{shot} holds a rendered page");
            }
            output.WriteLine($"screenshots in {Path.GetDirectoryName(ScreenshotPath("status-page.png"))}");
            output.WriteLine($"daemon with {Objects} objects, {Steps + 1} polls each: {daemonTime.TotalSeconds:0.0} s; whole test {watch.Elapsed.TotalSeconds:0.0} s");
        }
        finally
        {
            // Shutdown follows every update sent to its end, and those of the scaling group end an hour later
            // on the fake clock: move it there, or stopping the daemon would wait for ever.
            harness.Time.Advance(TimeSpan.FromHours(2));
        }
    }

    /// <summary>
    /// Where a screenshot goes: docs/ when CREMA_UPDATE_EXPECTED=1 (as for the pinned texts, so that a test run
    /// does not rewrite tracked images), otherwise the test output directory.
    /// </summary>
    private static string ScreenshotPath(string name) =>
        Path.Combine(Environment.GetEnvironmentVariable("CREMA_UPDATE_EXPECTED") == "1" ? Path.Combine(RepositoryRoot.Path, "docs") : AppContext.BaseDirectory, name);

    private static void SetValues(SettableScalerFactory scalers, int step)
    {
        for (var i = 0; i < Objects; i++)
        {
            scalers.Values[Name(i)] = Value(i, step);
        }
    }

    // Every loop has published a poll at or after `at`, except those waiting on an update that takes an hour.
    private static async Task WaitForPollsAsync(DaemonHarness harness, DateTimeOffset at)
    {
        var patience = Stopwatch.StartNew();
        while (true)
        {
            var behind = harness.Daemon.Status.Objects.Count(o => o.PendingUpdate is null && !(o.LastPollAt >= at))
                + (Objects - harness.Daemon.Status.Objects.Count);
            if (behind == 0)
            {
                return;
            }
            patience.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(90), $"{behind} objects not polled at {at:u}");
            await Task.Delay(50);
        }
    }

    private async Task ReportSizesAsync(DaemonHarness harness)
    {
        var status = await harness.Http.GetByteArrayAsync(new Uri(harness.Daemon.BaseAddress, "status"));
        var overview = await harness.Http.GetByteArrayAsync(harness.Daemon.BaseAddress);
        var detail = await harness.Http.GetByteArrayAsync(new Uri(harness.Daemon.BaseAddress, "status/objects/" + Name(FirstRamping)));
        output.WriteLine($"/status {status.Length / 1024} KiB, / {overview.Length / 1024} KiB, /status/objects/NAME {detail.Length / 1024.0:0.0} KiB at {Objects} objects");
        status.Length.ShouldBeLessThan(4 * 1024 * 1024);
        overview.Length.ShouldBeLessThan(1024 * 1024);
    }

    private static async Task<int> CountAsync(IPage page, string state) =>
        int.Parse((await page.TextContentAsync($"#counts a[data-state='{state}'] b"))!, System.Globalization.CultureInfo.InvariantCulture);

    private static Task ShownAsync(IPage page, int shown) =>
        page.WaitForFunctionAsync($"() => document.getElementById('shown').textContent === '{shown}' && document.querySelectorAll('#rows tr:not([hidden])').length === {shown}",
            null, new PageWaitForFunctionOptions { Timeout = 10_000 });
}
