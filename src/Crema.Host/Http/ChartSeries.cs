namespace Crema.Host.Http;

/// <summary>One line of a chart: a label (encoded when drawn), bucket values (null = gap) and a colour class, c1 (solid) or c2 (dashed).</summary>
internal sealed record ChartSeries(string Label, IReadOnlyList<float?> Values, string ColourClass);
