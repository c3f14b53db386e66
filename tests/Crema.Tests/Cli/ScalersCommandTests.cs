using Crema.Scalers;
using Crema.Tests.Support;

namespace Crema.Tests.Cli;

/// <summary>
/// The scaler catalog comes from the registry: <c>crema scalers</c> prints it, and every registered
/// type has its page under docs/scalers/ (and every page a type), so no list can go stale.
/// </summary>
public sealed class ScalersCommandTests
{
    private static readonly string ScalerDocs = Path.Combine(RepositoryRoot.Path, "docs", "scalers");

    [Fact]
    public async Task Scalers_ListsEveryRegisteredTypeAndAlias()
    {
        var run = await CliRun.RunAsync("scalers");

        run.ExitCode.ShouldBe(0);
        var registry = BuiltInScalers.CreateRegistry();
        run.OutputLines.Length.ShouldBe(registry.Factories.Count);
        foreach (var type in registry.KnownTypes)
        {
            run.Output.ShouldContain(type);
        }
    }

    [Fact]
    public async Task ScalersMarkdown_LinksEachTypeToItsPage()
    {
        var run = await CliRun.RunAsync("scalers", "--markdown");

        run.ExitCode.ShouldBe(0);
        run.OutputLines[0].ShouldBe("| `type` | source | page |");
        run.OutputLines.ShouldContain("| `prometheus` | a PromQL instant query | [prometheus](scalers/prometheus.md) |");
        run.OutputLines.Length.ShouldBe(BuiltInScalers.CreateRegistry().Factories.Count + 2);
    }

    [Fact]
    public void Registry_EveryFactoryDescribesItselfAndHasItsPage()
    {
        foreach (var factory in BuiltInScalers.CreateRegistry().Factories)
        {
            factory.Description.ShouldNotBeNullOrWhiteSpace(factory.Type);
            File.Exists(Path.Combine(ScalerDocs, factory.DocumentationPage + ".md")).ShouldBeTrue($"docs/scalers/{factory.DocumentationPage}.md for {factory.Type}");
        }
    }

    [Fact]
    public void ScalerDocs_EveryPageBelongsToARegisteredType()
    {
        var pages = BuiltInScalers.CreateRegistry().Factories.Select(f => f.DocumentationPage).ToHashSet(StringComparer.Ordinal);

        var orphans = Directory.GetFiles(ScalerDocs, "*.md").Select(Path.GetFileNameWithoutExtension).Where(p => !pages.Contains(p!)).ToArray();

        orphans.ShouldBeEmpty();
    }
}
