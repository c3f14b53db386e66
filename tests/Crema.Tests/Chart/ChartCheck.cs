namespace Crema.Tests.Chart;

/// <summary>What <c>helm install</c> would check, in its order: values against values.schema.json, then the templates, then each object against its schema.</summary>
internal static class ChartCheck
{
    /// <summary>Renders with <paramref name="valuesYaml"/> and asserts every check passes; returns the rendering.</summary>
    public static async Task<RenderedChart> RenderValidAsync(string valuesYaml = "")
    {
        var chart = await HelmRender.RenderAsync(valuesYaml);
        ValuesSchema.Validate(chart.Values).ShouldBeEmpty();
        chart.Error.ShouldBeNull();
        chart.Manifests.ShouldNotBeEmpty();
        chart.Objects.SelectMany(KubernetesSchemas.Instance.Validate).ShouldBeEmpty();
        return chart;
    }
}
