using System.Globalization;
using System.Net;
using System.Text;
using Crema.Host.Status;

namespace Crema.Host.Http;

/// <summary>What every page shares: the document head and style, HTML encoding and the formats of times and numbers.</summary>
internal static class Html
{
    private const string Style =
        "body{font:14px/1.4 system-ui,sans-serif;margin:1.2em 2em;color:#222}h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.15em;margin:1.4em 0 .4em}"
        + "a{color:#0b57d0;text-decoration:none}a:hover{text-decoration:underline}.meta{color:#555}.err{color:#b00020}code{background:#f3f3f3;padding:0 .3em}"
        + "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e3e3e3;padding:.3em .5em;text-align:left;vertical-align:top}"
        + "th{background:#f6f6f6;position:sticky;top:0}th[data-k]{cursor:pointer;user-select:none}th[data-k]:hover{background:#ebebeb}"
        + ".num{text-align:right;font-variant-numeric:tabular-nums}.target{max-width:28em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;color:#555}"
        + ".st{display:inline-block;padding:0 .5em;border-radius:.8em;font-size:.9em;white-space:nowrap;background:#eee}"
        + ".s-active{background:#d7f5dd}.s-idle{background:#e8eaed}.s-scaling{background:#d2e3fc}.s-error{background:#fad2cf}"
        + ".s-fallback{background:#feefc3}.s-paused{background:#e9d7fe}.s-cant-scale{background:#f6aea9}.s-unknown{background:#f1f3f4}"
        + "#counts{display:flex;flex-wrap:wrap;gap:.4em;margin:.8em 0}#counts a{border:1px solid #ddd;border-radius:.4em;padding:.2em .6em;color:#222}"
        + "#counts a.on{outline:2px solid #0b57d0}#counts a.zero{opacity:.5}.filters{margin:.6em 0}.filters input{width:24em;padding:.3em}"
        + ".facts{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}.facts dt{color:#555}.facts dd{margin:0}"
        + ".charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:1em}figure{margin:0;border:1px solid #e3e3e3;border-radius:.4em;padding:.5em}"
        + "figcaption{font-weight:600;margin-bottom:.3em}svg{width:100%;height:auto}svg text{font-size:13px;fill:#666}svg .grid{stroke:#eee}"
        + "svg .series polyline{fill:none;stroke-width:2}.legend{list-style:none;padding:0;margin:.3em 0 0;display:flex;gap:1em;color:#555}"
        + ".sw{display:inline-block;width:1.4em;height:0;border-top:3px solid;vertical-align:middle;margin-right:.3em}"
        + ".c1 polyline,.c1.sw{stroke:#1a73e8;border-color:#1a73e8}.c1 circle{fill:#1a73e8}"
        + ".c2 polyline{stroke:#e8710a;stroke-dasharray:6 4}.c2.sw{border-color:#e8710a;border-top-style:dashed}.c2 circle{fill:#e8710a}"
        + ".badge{font-size:.6em;vertical-align:middle;margin-left:.4em}";

    /// <summary>Starts a page: doctype, head (title encoded), style, optional meta refresh in seconds.</summary>
    public static StringBuilder Begin(string title, int? refreshSeconds = null)
    {
        var html = new StringBuilder(4096);
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><link rel=\"icon\" href=\"data:,\">");
        if (refreshSeconds is { } seconds)
        {
            html.Append("<meta http-equiv=\"refresh\" content=\"").Append(seconds.ToString(CultureInfo.InvariantCulture)).Append("\">");
        }
        return html.Append("<title>").Append(E(title)).Append("</title><style>").Append(Style).Append("</style></head><body>");
    }

    public static string End(StringBuilder html) => html.Append("</body></html>").ToString();

    /// <summary>Encodes text for an element or a double-quoted attribute (&lt; &gt; &amp; " ').</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A relative link to an object's page, its name escaped as one path segment.</summary>
    public static string ObjectPath(string name) => "objects/" + Uri.EscapeDataString(name);

    public static string Time(DateTimeOffset? time) => time?.ToString("u", CultureInfo.InvariantCulture) ?? "never";

    /// <summary>For example "12 s ago", "3 min ago", "2 h ago"; "never" when null.</summary>
    public static string Ago(DateTimeOffset? time, DateTimeOffset now)
    {
        if (time is not { } at)
        {
            return "never";
        }
        var seconds = Math.Max(0, (now - at).TotalSeconds);
        return seconds switch
        {
            < 120 => ((int)seconds).ToString(CultureInfo.InvariantCulture) + " s ago",
            < 7200 => ((int)(seconds / 60)).ToString(CultureInfo.InvariantCulture) + " min ago",
            _ => ((int)(seconds / 3600)).ToString(CultureInfo.InvariantCulture) + " h ago",
        };
    }

    public static string Count(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? "?";

    public static string Number(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "";

    /// <summary>The state's word as /status spells it, for example "cant-scale".</summary>
    public static string StateName(ObjectState state) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(state.ToString());

    /// <summary>The state as people read it, for example "can't scale".</summary>
    public static string StateLabel(ObjectState state) => state == ObjectState.CantScale ? "can't scale" : StateName(state);

    public static StringBuilder StateBadge(this StringBuilder html, ObjectState state, string extraClass = "") =>
        html.Append("<span class=\"st s-").Append(StateName(state)).Append(extraClass).Append("\">").Append(StateLabel(state)).Append("</span>");
}
