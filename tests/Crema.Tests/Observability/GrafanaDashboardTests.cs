using System.Text.Json;
using System.Text.RegularExpressions;
using Crema.Tests.Support;

namespace Crema.Tests.Observability;

/// <summary>samples/grafana/crema-dashboard.json: every query reads only names the daemon exports.</summary>
public sealed partial class GrafanaDashboardTests
{
    private static readonly string DashboardPath = Path.Combine(RepositoryRoot.Path, "samples", "grafana", "crema-dashboard.json");

    [Fact]
    public async Task Dashboard_EveryMetricInItsQueries_IsExportedByTheDaemon()
    {
        using var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(DashboardPath));
        var expressions = Queries(dashboard.RootElement).ToList();
        var used = expressions.SelectMany(PromQlNames.Of).ToHashSet(StringComparer.Ordinal);
        var exposed = PromQlNames.Exposed(await AlertRulesTests.ExpositionAsync());

        expressions.Count.ShouldBeGreaterThan(25);
        used.ShouldContain("crema_scaled_object_state");
        used.ShouldContain("crema_instance_seconds_total");
        used.ShouldContain("crema_trigger_read_duration_seconds_bucket");
        used.ShouldContain("process_cpu_seconds_total");
        used.Except(exposed).ShouldBeEmpty("names the dashboard queries but /metrics does not have");
    }

    [Fact]
    public async Task Dashboard_Panels_AllUseTheDatasourceVariableAndHaveQueries()
    {
        using var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(DashboardPath));
        var root = dashboard.RootElement;

        root.GetProperty("uid").GetString().ShouldBe("crema-overview");
        var panels = root.GetProperty("panels").EnumerateArray().Where(p => p.GetProperty("type").GetString() != "row").ToList();
        panels.Count.ShouldBeGreaterThan(20);
        foreach (var panel in panels)
        {
            var title = panel.GetProperty("title").GetString();
            panel.GetProperty("datasource").GetProperty("uid").GetString().ShouldBe("${datasource}", title);
            panel.GetProperty("targets").GetArrayLength().ShouldBeGreaterThan(0, title);
        }
        panels.Select(p => p.GetProperty("id").GetInt32()).ShouldBeUnique();
    }

    [Fact]
    public void PromQlNames_Expression_FindsMetricsNotFunctionsLabelsOrKeywords()
    {
        var names = PromQlNames.Of("histogram_quantile(0.95, sum by (type, le) (rate(crema_trigger_read_duration_seconds_bucket{type=~\"$t\"}[$__rate_interval])))"
            + " / on (type) group_left crema_build_info or vector(0) unless count(process_open_fds offset 5m)");

        names.ShouldBe(["crema_trigger_read_duration_seconds_bucket", "crema_build_info", "process_open_fds"], ignoreOrder: true);
    }

    // Every "expr" of a panel target, and the metric of each label_values() variable query.
    private static IEnumerable<string> Queries(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "expr" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        yield return property.Value.GetString()!;
                    }
                    else if (property.Name == "definition" && property.Value.ValueKind == JsonValueKind.String
                        && LabelValues().Match(property.Value.GetString()!) is { Success: true } m)
                    {
                        yield return m.Groups["metric"].Value;
                    }
                    else
                    {
                        foreach (var query in Queries(property.Value))
                        {
                            yield return query;
                        }
                    }
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var query in Queries(item))
                    {
                        yield return query;
                    }
                }
                break;
        }
    }

    [GeneratedRegex(@"^label_values\((?<metric>[a-zA-Z_:][a-zA-Z0-9_:]*)")]
    private static partial Regex LabelValues();
}
