using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Crema.Host.Http;
using Crema.Host.Status;
using static Crema.Tests.HostStatus.StatusSamples;

namespace Crema.Tests.Http;

public sealed partial class StatusPagesTests
{
    private const string Hostile = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";

    private static StatusSnapshot Snapshot(params ObjectStatus[] objects) =>
        new(true, new ConfigStatus("crema.yaml", T0, null, null), objects);

    [Fact]
    public void Overview_CountsEachStateAndShowsOneRowPerObject()
    {
        var objects = new[]
        {
            Polled() with { Name = "a" },
            Polled() with { Name = "b" },
            Polled() with { Name = "c", Active = false, Current = 0, Desired = 0 },
            Polled() with { Name = "d", LastScaleError = "404" },
            Polled(Trigger(error: "down")) with { Name = "e" },
        };

        var html = OverviewPage.Render(Snapshot(objects), T0.AddSeconds(12));

        Count(html, "").ShouldBe(5);
        Count(html, "active").ShouldBe(2);
        Count(html, "idle").ShouldBe(1);
        Count(html, "cant-scale").ShouldBe(1);
        Count(html, "error").ShouldBe(1);
        Count(html, "paused").ShouldBe(0);
        RowState().Matches(html).Select(m => m.Groups[1].Value).ShouldBe(["active", "active", "idle", "cant-scale", "error"]);
        html.ShouldContain("<a href=\"objects/a\">a</a>");
        html.ShouldContain("12 s ago");
        html.ShouldContain("0 / 100");
    }

    [Fact]
    public void Overview_UntrustedText_IsEncoded()
    {
        var hostile = Polled(Trigger(error: Hostile)) with { Name = Hostile, Target = Hostile, LastDecision = Hostile, Reason = Hostile };
        var snapshot = new StatusSnapshot(true, new ConfigStatus(Hostile, T0, Hostile, T0), [hostile]);

        var html = OverviewPage.Render(snapshot, T0);

        AssertEncoded(html);
        html.ShouldContain("href=\"objects/%3Cscript%3Ealert%28%27x%27%29%3C%2Fscript%3E%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E\"");
    }

    [Fact]
    public void Detail_UntrustedText_IsEncoded()
    {
        var hostile = Polled(Trigger(name: Hostile, error: Hostile)) with
        {
            Name = Hostile, Target = Hostile, LastDecision = Hostile, Reason = Hostile, LastScaleError = Hostile,
            ScalingModifiers = new ModifiersStatus(Hostile, 1, 0, "AverageValue", 1, false, Hostile),
            Events = [new DecisionEvent(T0, 1, 2, Hostile, DecisionOutcome.Failed)],
        };
        var history = new ObjectHistory();
        history.Record(hostile);

        var html = DetailPage.Render(hostile, history.Snapshot(T0), T0);

        AssertEncoded(html);
        html.ShouldNotContain("<script");
    }

    [Fact]
    public void Overview_Script_IsTheOneTheHashAllows()
    {
        var html = OverviewPage.Render(Snapshot(Polled()), T0);

        var script = Regex.Match(html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        script.ShouldBe(OverviewScript.Source);
        OverviewScript.Hash.ShouldBe("'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script))) + "'");
        html.ShouldNotContain("http://");
        html.ShouldNotContain("https://");
    }

    [Fact]
    public void Detail_WithHistory_DrawsInstancesAndEachTriggerAgainstItsTarget()
    {
        var history = new ObjectHistory();
        for (var i = 0; i < 5; i++)
        {
            history.Record(Polled(Trigger(value: i + 1)) with { LastPollAt = T0.AddSeconds(30 * i), Current = i, Desired = i + 1 });
        }
        var status = Polled() with
        {
            Pause = new PauseStatus(true, 2, false, false),
            PendingUpdate = new PendingUpdate(3, 5, T0),
            Events = [new DecisionEvent(T0, 1, 3, "hpa: queue=3 target=1 -> 3", DecisionOutcome.Applied) { Count = 2, FirstAt = T0.AddMinutes(-1) }],
        };

        var html = DetailPage.Render(status, history.Snapshot(T0.AddSeconds(120)), T0.AddSeconds(130));

        Captions().Matches(html).Select(m => m.Groups[1].Value).ShouldBe(["instances", "trigger queue (prometheus)"]);
        Points().Matches(html).Select(m => m.Groups[1].Value).ShouldBe(["5", "5", "5", "5"]);
        html.ShouldContain("id=\"paused\">paused at 2</span>");
        html.ShouldContain("id=\"pending\">updating 3 → 5 since 2 min ago</span>");
        html.ShouldContain("<td class=\"o-applied\">applied</td><td class=\"num\" title=\"since 2025-06-01 11:59:00Z\">2</td><td>hpa: queue=3 target=1 -&gt; 3</td>");
        html.ShouldContain("<meta http-equiv=\"refresh\" content=\"10\">");
    }

    [Fact]
    public void Detail_WithScalingModifiers_ShowsTheFormulaTargetAndTheCompositeChart()
    {
        var status = Polled() with { ScalingModifiers = new ModifiersStatus("queue * 2", 4, 1, "AverageValue", 6, false, null) };
        var history = new ObjectHistory();
        history.Record(status);

        var html = DetailPage.Render(status, history.Snapshot(T0), T0);

        html.ShouldContain("<dt>formula</dt><dd><code>queue * 2</code></dd><dt>target</dt><dd>4 (AverageValue)</dd><dt>activation target</dt><dd>1</dd><dt>composite value</dt><dd>6</dd>");
        Captions().Matches(html).Select(m => m.Groups[1].Value)
            .ShouldBe(["instances", "scalingModifiers: composite value against the formula&#39;s target", "trigger queue (prometheus)"]);
        html.ShouldContain("own target (not used)");
        html.ShouldContain("value (formula input)");
    }

    [Fact]
    public void Chart_GapsSplitTheLineAndALoneValueIsADot()
    {
        var html = new StringBuilder();

        SvgChart.Render(html, "c", 30, [new ChartSeries("v", [1f, 2f, null, 4f, null, null, 3f, 5f], "c1")]);

        var svg = html.ToString();
        Regex.Matches(svg, "<polyline ").Count.ShouldBe(2);
        Regex.Matches(svg, "<circle ").Count.ShouldBe(1);
        svg.ShouldContain("data-points=\"5\"");
        // The axis ends at a round number above the largest value (5 -> 5, the first of 1, 2, 5, 10 not below it).
        svg.ShouldContain("text-anchor=\"end\">5</text>");
        svg.ShouldContain(">-4 min</text>");
    }

    private static int Count(string html, string state) =>
        int.Parse(Regex.Match(html, $"<a href=\"#\" data-state=\"{state}\"[^>]*>[^<]*<b>(\\d+)</b>").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static void AssertEncoded(string html)
    {
        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("<img");
        html.ShouldNotContain("onerror=alert(1)>");
        html.ShouldContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    }

    [GeneratedRegex("<tr data-state=\"([a-z-]+)\"")]
    private static partial Regex RowState();

    [GeneratedRegex("<figcaption>(.*?)</figcaption>")]
    private static partial Regex Captions();

    [GeneratedRegex("data-points=\"(\\d+)\"")]
    private static partial Regex Points();
}
