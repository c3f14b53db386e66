using System.Globalization;
using System.Net;
using System.Text;

namespace Crema.Host.Http;

/// <summary>A small self-refreshing HTML page of the same data as /status, for people.</summary>
internal static class StatusPage
{
    public static string Render(StatusSnapshot snapshot)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"5\"><title>Crema</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}")
            .Append("td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}th{background:#f4f4f4}.err{color:#b00}</style></head><body>")
            .Append("<h1>Crema</h1>");
        var config = snapshot.Config;
        html.Append("<p>Config <b>").Append(E(config.Source)).Append("</b> loaded ").Append(E(Time(config.LoadedAt))).Append(snapshot.Ready ? "; ready" : "; not ready").Append("</p>");
        if (config.LastReloadError is { } reloadError)
        {
            html.Append("<p class=\"err\">Last reload rejected ").Append(E(Time(config.LastReloadErrorAt))).Append(": ").Append(E(reloadError)).Append("</p>");
        }
        if (snapshot.Leadership is { } lease)
        {
            html.Append("<p>Lease <b>").Append(E(lease.Lease)).Append("</b>: this daemon (").Append(E(lease.Identity)).Append(") is the <b>").Append(E(lease.Role))
                .Append("</b>; holder ").Append(E(lease.Holder ?? "none")).Append(", term ").Append(E(Count(lease.Term))).Append("</p>");
        }
        foreach (var o in snapshot.ScaledObjects)
        {
            html.Append("<h2>").Append(E(o.Name)).Append("</h2><p>").Append(E(o.Target)).Append("</p><table><tr><th>current</th><th>desired</th><th>active</th><th>last decision</th><th>reason</th><th>last poll</th><th>last scale</th></tr><tr>")
                .Append("<td>").Append(E(Count(o.Current))).Append("</td><td>").Append(E(Count(o.Desired))).Append("</td><td>").Append(o.Active ? "yes" : "no")
                .Append("</td><td>").Append(E(o.LastDecision ?? "")).Append("</td><td>").Append(E(o.Reason ?? "")).Append("</td><td>").Append(E(Time(o.LastPollAt)))
                .Append("</td><td>").Append(E(Time(o.LastScaleAt))).Append("</td></tr></table>");
            if (o.LastScaleError is { } scaleError)
            {
                html.Append("<p class=\"err\">Cloud Run: ").Append(E(scaleError)).Append("</p>");
            }
            if (o.CloudRun is { CanScale: false } target)
            {
                html.Append("<p class=\"err\">Cannot scale (").Append(E(target.State)).Append("): ").Append(target.ConsecutiveFailures)
                    .Append(" failed attempts since ").Append(E(Time(target.FailingSince))).Append("; next attempt ").Append(E(Time(target.NextAttemptAt))).Append("</p>");
            }
            if (o.CloudRun.LastDrift is { } drift)
            {
                html.Append("<p class=\"err\">Changed outside Crema ").Append(o.CloudRun.Drifts).Append(" time(s); last ").Append(E(Time(drift.At)))
                    .Append(": ").Append(drift.Expected).Append(" instances became ").Append(drift.Found).Append("</p>");
            }
            html.Append("<table><tr><th>trigger</th><th>type</th><th>value</th><th>target</th><th>active</th><th>fallback</th><th>failures</th><th>note / last error</th></tr>");
            foreach (var t in o.Triggers)
            {
                html.Append("<tr><td>").Append(E(t.Name)).Append("</td><td>").Append(E(t.Type)).Append("</td><td>").Append(E(Number(t.Value)))
                    .Append("</td><td>").Append(E(Number(t.Target))).Append("</td><td>").Append(t.Active ? "yes" : "no").Append("</td><td>").Append(t.InFallback ? "yes" : "no")
                    .Append("</td><td>").Append(t.ConsecutiveFailures).Append("</td><td").Append(t.LastError is null ? ">" : " class=\"err\">")
                    .Append(E(t.LastError ?? t.Note ?? "")).Append("</td></tr>");
            }
            html.Append("</table>");
        }
        return html.Append("</body></html>").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Time(DateTimeOffset? time) => time?.ToString("u", CultureInfo.InvariantCulture) ?? "never";

    private static string Count(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static string Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";
}
