using System.Text;
using Crema.Host.Status;

namespace Crema.Host.Http;

/// <summary>
/// The detail page's charts: instances (current against desired), the scalingModifiers composite
/// against the formula's target, and each trigger's value against its target (with scalingModifiers
/// the triggers are the formula's inputs, so their own targets are left out).
/// </summary>
internal static class DetailCharts
{
    public static void Render(StringBuilder html, ObjectStatus o, HistorySnapshot history)
    {
        SvgChart.Render(html, "instances", history.BucketSeconds,
            [new ChartSeries("current", history.Current, "c1"), new ChartSeries("desired", history.Desired, "c2")]);
        var modifiers = o.ScalingModifiers is not null;
        if (history.Composite is { } composite)
        {
            SvgChart.Render(html, "scalingModifiers: composite value against the formula's target", history.BucketSeconds,
                [new ChartSeries("composite value", composite.Values, "c1"), new ChartSeries("formula target", composite.Targets, "c2")]);
        }
        foreach (var trigger in history.Triggers)
        {
            var type = o.Triggers.FirstOrDefault(t => t.Name == trigger.Name)?.Type;
            var caption = "trigger " + trigger.Name + (type is null ? "" : " (" + type + ")");
            IReadOnlyList<ChartSeries> series = modifiers
                ? [new ChartSeries("value (formula input)", trigger.Values, "c1")]
                : [new ChartSeries("value", trigger.Values, "c1"), new ChartSeries("target", trigger.Targets, "c2")];
            SvgChart.Render(html, caption, history.BucketSeconds, series);
        }
    }
}
