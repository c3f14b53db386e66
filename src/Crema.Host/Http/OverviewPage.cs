using System.Globalization;
using System.Text;
using Crema.Host.Status;

namespace Crema.Host.Http;

/// <summary>
/// The page at /: counts by state, then one row per object (name, target, current/desired, min/max,
/// state, last decision, last poll) that <see cref="OverviewScript"/> filters and sorts in the browser.
/// About 500 bytes per object, so 1,000 objects are half a megabyte; no history here.
/// </summary>
internal static class OverviewPage
{
    private static readonly ObjectState[] States = Enum.GetValues<ObjectState>();

    public static string Render(StatusSnapshot snapshot, DateTimeOffset now)
    {
        var html = Html.Begin("Crema");
        html.Append("<h1>Crema</h1>");
        Meta(html, snapshot, now);
        var states = snapshot.ScaledObjects.Select(o => o.State).ToArray();
        html.Append("<nav id=\"counts\"><a href=\"#\" data-state=\"\">all <b>").Append(states.Length.ToString(CultureInfo.InvariantCulture)).Append("</b></a>");
        foreach (var state in States)
        {
            var count = states.Count(s => s == state);
            html.Append("<a href=\"#\" data-state=\"").Append(Html.StateName(state)).Append("\" class=\"s-").Append(Html.StateName(state))
                .Append(count == 0 ? " zero" : "").Append("\">").Append(Html.StateLabel(state)).Append(" <b>").Append(count.ToString(CultureInfo.InvariantCulture)).Append("</b></a>");
        }
        html.Append("</nav><div class=\"filters\"><input id=\"q\" type=\"search\" placeholder=\"filter: name, target, decision\" aria-label=\"filter\"> ")
            .Append("<select id=\"state\" aria-label=\"state\"><option value=\"\">every state</option>");
        foreach (var state in States)
        {
            html.Append("<option value=\"").Append(Html.StateName(state)).Append("\">").Append(Html.StateLabel(state)).Append("</option>");
        }
        html.Append("</select> <span id=\"shown\"></span> shown</div>")
            .Append("<table><thead><tr><th data-k=\"0\">name</th><th data-k=\"1\">target</th><th data-k=\"2\" class=\"num\">current / desired</th>")
            .Append("<th data-k=\"3\" class=\"num\">min / max</th><th data-k=\"4\">state</th><th data-k=\"5\">last decision</th><th data-k=\"6\">last poll</th></tr></thead><tbody id=\"rows\">");
        foreach (var o in snapshot.ScaledObjects)
        {
            Row(html, o, now);
        }
        html.Append("</tbody></table><script>").Append(OverviewScript.Source).Append("</script>");
        return Html.End(html);
    }

    private static void Meta(StringBuilder html, StatusSnapshot snapshot, DateTimeOffset now)
    {
        var config = snapshot.Config;
        html.Append("<div id=\"meta\"><p class=\"meta\">Config <b>").Append(Html.E(config.Source)).Append("</b> loaded ").Append(Html.E(Html.Time(config.LoadedAt)))
            .Append(snapshot.Ready ? "; ready" : "; not ready").Append("; ").Append(snapshot.ScaledObjects.Count.ToString(CultureInfo.InvariantCulture))
            .Append(" scaled objects; as of ").Append(Html.Time(now)).Append(" · <a href=\"status\">/status</a> · <a href=\"metrics\">/metrics</a></p>");
        if (config.LastReloadError is { } reloadError)
        {
            html.Append("<p class=\"err\">Last reload rejected ").Append(Html.E(Html.Time(config.LastReloadErrorAt))).Append(": ").Append(Html.E(reloadError)).Append("</p>");
        }
        if (snapshot.Leadership is { } lease)
        {
            html.Append("<p>Lease <b>").Append(Html.E(lease.Lease)).Append("</b>: this daemon (").Append(Html.E(lease.Identity)).Append(") is the <b>").Append(Html.E(lease.Role))
                .Append("</b>; holder ").Append(Html.E(lease.Holder ?? "none")).Append(", term ").Append(Html.E(Html.Count(lease.Term))).Append("</p>");
        }
        html.Append("</div>");
    }

    private static void Row(StringBuilder html, ObjectStatus o, DateTimeOffset now)
    {
        var state = o.State;
        var text = string.Join(' ', o.Name, o.Target, Html.StateName(state), Html.StateLabel(state), o.LastDecision).ToLowerInvariant();
        html.Append("<tr data-state=\"").Append(Html.StateName(state)).Append("\" data-text=\"").Append(Html.E(text)).Append("\">")
            .Append("<td><a href=\"").Append(Html.E(Html.ObjectPath(o.Name))).Append("\">").Append(Html.E(o.Name)).Append("</a></td>")
            .Append("<td class=\"target\" title=\"").Append(Html.E(o.Target)).Append("\">").Append(Html.E(o.Target)).Append("</td>")
            .Append("<td class=\"num\" data-v=\"").Append((o.Current ?? -1).ToString(CultureInfo.InvariantCulture)).Append("\">")
            .Append(Html.Count(o.Current)).Append(" / ").Append(Html.Count(o.Desired)).Append("</td>")
            .Append("<td class=\"num\" data-v=\"").Append(o.MaxReplicas.ToString(CultureInfo.InvariantCulture)).Append("\">")
            .Append(o.MinReplicas.ToString(CultureInfo.InvariantCulture)).Append(" / ").Append(o.MaxReplicas.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
            .StateBadge(state).Append("</td><td title=\"").Append(Html.E(o.Reason)).Append("\">").Append(Html.E(o.LastDecision)).Append("</td>")
            .Append("<td data-v=\"").Append((o.LastPollAt?.ToUnixTimeSeconds() ?? 0).ToString(CultureInfo.InvariantCulture)).Append("\">")
            .Append(Html.Ago(o.LastPollAt, now)).Append("</td></tr>");
    }
}
