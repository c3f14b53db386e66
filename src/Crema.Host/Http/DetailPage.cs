using System.Globalization;
using System.Text;
using Crema.Host.Status;

namespace Crema.Host.Http;

/// <summary>
/// The page of one object at /objects/{name}: state and badges (paused, update in flight), the facts
/// of its last decision, scalingModifiers, charts of the last hour (<see cref="DetailCharts"/>), its
/// triggers and its decision events. Refreshes itself every 10 s (it has nothing to type into).
/// </summary>
internal static class DetailPage
{
    public static string Render(ObjectStatus o, HistorySnapshot history, DateTimeOffset now)
    {
        var html = Html.Begin(o.Name + " · Crema", refreshSeconds: 10);
        html.Append("<p><a href=\"../\">← every object</a> · <a href=\"../status/objects/").Append(Html.E(Uri.EscapeDataString(o.Name))).Append("\">JSON</a></p>")
            .Append("<h1>").Append(Html.E(o.Name)).Append(' ').StateBadge(o.State, " badge");
        if (o.Pause is { } pause)
        {
            html.Append("<span class=\"st s-paused badge\" id=\"paused\">").Append(Html.E(pause.Describe())).Append("</span>");
        }
        if (o.PendingUpdate is { } pending)
        {
            html.Append("<span class=\"st s-scaling badge\" id=\"pending\">updating ").Append(Html.Count(pending.From)).Append(" → ").Append(Html.Count(pending.To))
                .Append(" since ").Append(Html.Ago(pending.Since, now)).Append("</span>");
        }
        html.Append("</h1><p class=\"meta\">").Append(Html.E(o.Target)).Append("</p>");
        Facts(html, o, now);
        if (o.ScalingModifiers is { } modifiers)
        {
            Modifiers(html, modifiers);
        }
        html.Append("<h2>Last hour</h2><div class=\"charts\">");
        DetailCharts.Render(html, o, history);
        html.Append("</div>");
        Triggers(html, o);
        Events(html, o, now);
        return Html.End(html);
    }

    private static void Facts(StringBuilder html, ObjectStatus o, DateTimeOffset now)
    {
        html.Append("<dl class=\"facts\">");
        Fact(html, "current / desired", Html.Count(o.Current) + " / " + Html.Count(o.Desired));
        Fact(html, "min / max", o.MinReplicas.ToString(CultureInfo.InvariantCulture) + " / " + o.MaxReplicas.ToString(CultureInfo.InvariantCulture)
            + (o.IdleReplicas is { } idle ? "; idle " + idle.ToString(CultureInfo.InvariantCulture) : ""));
        Fact(html, "active", o.Active ? "yes" : "no");
        Fact(html, "last decision", o.LastDecision ?? "none yet");
        Fact(html, "reason", o.Reason ?? "");
        Fact(html, "last poll", Html.Ago(o.LastPollAt, now) + " (" + Html.Time(o.LastPollAt) + "), every "
            + o.PollingIntervalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s");
        Fact(html, "last scale", Html.Time(o.LastScaleAt));
        html.Append("</dl>");
        if (o.LastScaleError is { } error)
        {
            html.Append("<p class=\"err\" id=\"cloud-run-error\">Cloud Run: ").Append(Html.E(error)).Append("</p>");
        }
        if (o.CloudRun is { CanScale: false } target)
        {
            html.Append("<p class=\"err\" id=\"backoff\">Cannot scale (").Append(Html.E(target.State)).Append("): ").Append(target.ConsecutiveFailures.ToString(CultureInfo.InvariantCulture))
                .Append(" failed attempts since ").Append(Html.E(Html.Time(target.FailingSince))).Append("; next attempt ").Append(Html.E(Html.Time(target.NextAttemptAt))).Append("</p>");
        }
        if (o.CloudRun.LastDrift is { } drift)
        {
            html.Append("<p class=\"err\" id=\"drift\">Changed outside Crema ").Append(o.CloudRun.Drifts.ToString(CultureInfo.InvariantCulture)).Append(" time(s); last ")
                .Append(Html.E(Html.Time(drift.At))).Append(": ").Append(Html.Count(drift.Expected)).Append(" instances became ").Append(Html.Count(drift.Found)).Append("</p>");
        }
    }

    private static void Fact(StringBuilder html, string name, string value) =>
        html.Append("<dt>").Append(name).Append("</dt><dd>").Append(Html.E(value)).Append("</dd>");

    private static void Modifiers(StringBuilder html, ModifiersStatus m)
    {
        html.Append("<h2>scalingModifiers</h2><p>The decision uses this formula over the triggers' values and its target; the triggers' own targets are not used.</p>")
            .Append("<dl class=\"facts\" id=\"modifiers\">");
        html.Append("<dt>formula</dt><dd><code>").Append(Html.E(m.Formula)).Append("</code></dd>");
        Fact(html, "target", Html.Number(m.Target) + " (" + m.MetricType + ")");
        Fact(html, "activation target", Html.Number(m.ActivationTarget));
        Fact(html, "composite value", m.Value is null ? "none" : Html.Number(m.Value) + (m.InFallback ? " (fallback)" : ""));
        html.Append("</dl>");
        if (m.Error is { } error)
        {
            html.Append("<p class=\"err\">").Append(Html.E(error)).Append("</p>");
        }
    }

    private static void Triggers(StringBuilder html, ObjectStatus o)
    {
        var modifiers = o.ScalingModifiers is not null;
        html.Append("<h2>Triggers</h2><table id=\"triggers\"><thead><tr><th>trigger</th><th>type</th><th class=\"num\">value</th><th class=\"num\">")
            .Append(modifiers ? "own target (not used)" : "target").Append("</th><th>active</th><th>fallback</th><th class=\"num\">failures</th><th>note / last error</th></tr></thead><tbody>");
        foreach (var t in o.Triggers)
        {
            html.Append("<tr><td>").Append(Html.E(t.Name)).Append("</td><td>").Append(Html.E(t.Type)).Append("</td><td class=\"num\">").Append(Html.Number(t.Value))
                .Append("</td><td class=\"num\">").Append(Html.Number(t.Target)).Append("</td><td>").Append(t.Active ? "yes" : "no").Append("</td><td>")
                .Append(t.InFallback ? "yes" : "no").Append("</td><td class=\"num\">").Append(t.ConsecutiveFailures.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td").Append(t.LastError is null ? ">" : " class=\"err\">").Append(Html.E(t.LastError ?? t.Note)).Append("</td></tr>");
        }
        html.Append("</tbody></table>");
    }

    private static void Events(StringBuilder html, ObjectStatus o, DateTimeOffset now)
    {
        html.Append("<h2>Events</h2>");
        if (o.Events.Count == 0)
        {
            html.Append("<p class=\"meta\" id=\"events\">No change of the count decided since Crema started.</p>");
            return;
        }
        html.Append("<table id=\"events\"><thead><tr><th>when</th><th class=\"num\">from → to</th><th>outcome</th><th class=\"num\">times</th><th>reason</th></tr></thead><tbody>");
        foreach (var e in o.Events)
        {
            html.Append("<tr><td title=\"").Append(Html.Time(e.At)).Append("\">").Append(Html.Ago(e.At, now)).Append("</td><td class=\"num\">")
                .Append(Html.Count(e.From)).Append(" → ").Append(Html.Count(e.To)).Append("</td><td class=\"o-").Append(Outcome(e.Outcome)).Append("\">").Append(Outcome(e.Outcome))
                .Append("</td><td class=\"num\"").Append(e.Count > 1 ? " title=\"since " + Html.Time(e.FirstAt) + "\">" : ">").Append(e.Count.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(Html.E(e.Reason)).Append("</td></tr>");
        }
        html.Append("</tbody></table>");
    }

    private static string Outcome(DecisionOutcome outcome) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(outcome.ToString());
}
