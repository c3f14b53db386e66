using System.Globalization;
using System.Text;

namespace Crema.Host.Http;

/// <summary>
/// A line chart of bucketed values drawn as inline SVG (no script, no external file: the page works
/// offline). Each series is a &lt;g class="series"&gt; with data-points (the buckets that have a value)
/// and one polyline per unbroken run; a lone value is a dot. The y axis starts at zero (or below it
/// for negative values) and ends at a round number above the largest value.
/// </summary>
internal static class SvgChart
{
    private const double Width = 640;
    private const double Height = 180;
    private const double Left = 48;
    private const double Right = 8;
    private const double Top = 8;
    private const double Bottom = 22;

    public static void Render(StringBuilder html, string caption, int bucketSeconds, IReadOnlyList<ChartSeries> series)
    {
        var buckets = series.Count == 0 ? 0 : series.Max(s => s.Values.Count);
        var values = series.SelectMany(s => s.Values).OfType<float>().Select(v => (double)v).ToArray();
        var low = Math.Min(0, values.Length == 0 ? 0 : values.Min());
        var high = RoundUp(values.Length == 0 ? 1 : values.Max());
        html.Append("<figure class=\"chart\"><figcaption>").Append(Html.E(caption)).Append("</figcaption>")
            .Append("<svg viewBox=\"0 0 ").Append(F(Width)).Append(' ').Append(F(Height)).Append("\" role=\"img\" aria-label=\"").Append(Html.E(caption)).Append("\">");
        Axes(html, low, high, buckets, bucketSeconds);
        foreach (var (line, index) in series.Select((s, i) => (s, i)))
        {
            Series(html, line, low, high, buckets, index);
        }
        html.Append("</svg><ul class=\"legend\">");
        foreach (var line in series)
        {
            html.Append("<li><span class=\"sw ").Append(line.ColourClass).Append("\"></span>").Append(Html.E(line.Label)).Append("</li>");
        }
        html.Append("</ul></figure>");
    }

    private static void Axes(StringBuilder html, double low, double high, int buckets, int bucketSeconds)
    {
        foreach (var tick in new[] { low, (low + high) / 2, high }.Distinct())
        {
            var y = Y(tick, low, high);
            html.Append("<line class=\"grid\" x1=\"").Append(F(Left)).Append("\" x2=\"").Append(F(Width - Right)).Append("\" y1=\"").Append(F(y)).Append("\" y2=\"").Append(F(y)).Append("\"/>")
                .Append("<text x=\"").Append(F(Left - 4)).Append("\" y=\"").Append(F(y + 4)).Append("\" text-anchor=\"end\">").Append(Label(tick)).Append("</text>");
        }
        var minutes = buckets * bucketSeconds / 60;
        foreach (var (at, text, anchor) in new[] { (0, $"-{minutes} min", "start"), (buckets / 2, $"-{minutes / 2} min", "middle"), (buckets - 1, "now", "end") })
        {
            html.Append("<text x=\"").Append(F(X(at, buckets))).Append("\" y=\"").Append(F(Height - 6)).Append("\" text-anchor=\"").Append(anchor).Append("\">").Append(text).Append("</text>");
        }
    }

    private static void Series(StringBuilder html, ChartSeries line, double low, double high, int buckets, int index)
    {
        var points = line.Values.Count(v => v is not null);
        html.Append("<g class=\"series ").Append(line.ColourClass).Append("\" data-series=\"").Append(index.ToString(CultureInfo.InvariantCulture))
            .Append("\" data-points=\"").Append(points.ToString(CultureInfo.InvariantCulture)).Append("\"><title>").Append(Html.E(line.Label)).Append("</title>");
        var run = new List<(double X, double Y)>();
        for (var i = 0; i <= line.Values.Count; i++)
        {
            if (i < line.Values.Count && line.Values[i] is { } v)
            {
                run.Add((X(i, buckets), Y(v, low, high)));
                continue;
            }
            if (run.Count == 1)
            {
                html.Append("<circle r=\"2.5\" cx=\"").Append(F(run[0].X)).Append("\" cy=\"").Append(F(run[0].Y)).Append("\"/>");
            }
            else if (run.Count > 1)
            {
                html.Append("<polyline points=\"").AppendJoin(' ', run.Select(p => F(p.X) + "," + F(p.Y))).Append("\"/>");
            }
            run.Clear();
        }
        html.Append("</g>");
    }

    private static double X(int bucket, int buckets) => Left + ((Width - Left - Right) * bucket / Math.Max(1, buckets - 1));

    private static double Y(double value, double low, double high) => Top + ((Height - Top - Bottom) * (1 - ((value - low) / (high - low))));

    // 1, 2 or 5 times a power of ten: axis labels people read at a glance.
    private static double RoundUp(double value)
    {
        if (value <= 0)
        {
            return 1;
        }
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1d, 2, 5, 10 }.Select(m => m * power).Where(c => c >= value).DefaultIfEmpty(value).First();
    }

    private static string Label(double value) => Math.Abs(value) >= 10_000
        ? value.ToString("0.##e0", CultureInfo.InvariantCulture)
        : value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
