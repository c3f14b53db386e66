using Crema.Core.Configuration;
using Crema.Core.Explain;
using Crema.Host.Cli;
using Crema.Scalers;
using Crema.Tests.Configuration;
using Crema.Tests.Support;

namespace Crema.Tests.Explain;

/// <summary>
/// <c>crema explain</c>'s text for every checked-in config is pinned in Expected/, so a change to what it says
/// (or to a default it reports) shows in review. After an intended change, run the tests with
/// CREMA_UPDATE_EXPECTED=1 to rewrite the files, and read the diff.
/// </summary>
public sealed class SampleExplanationTests
{
    private static readonly string ExpectedDirectory = Path.Combine(RepositoryRoot.Path, "tests", "Crema.Tests", "Explain", "Expected");

    public static TheoryData<string> Configs()
    {
        var data = new TheoryData<string> { "crema.example.yaml" };
        foreach (var path in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "samples"), "*.yaml", SearchOption.AllDirectories)
            .Where(p => Path.GetFileName(p) is "crema.yaml" or "config.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryRoot.Path, path).Replace('\\', '/'));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void Explain_CheckedInConfig_SaysWhatIsPinned(string file)
    {
        var loaded = ConfigLoader.Load(File.ReadAllText(Path.Combine(RepositoryRoot.Path, file)), file, BuiltInScalers.CreateRegistry());
        loaded.ShouldBeValid();
        var text = ExplainCommand.Render(ScaledObjectExplainer.Explain(loaded.Config!, BuiltInScalers.CreateRegistry()));
        var expectedPath = Path.Combine(ExpectedDirectory, file.Replace('/', '_').Replace(".yaml", ".txt", StringComparison.Ordinal));

        if (Environment.GetEnvironmentVariable("CREMA_UPDATE_EXPECTED") == "1")
        {
            Directory.CreateDirectory(ExpectedDirectory);
            File.WriteAllText(expectedPath, text);
        }

        File.Exists(expectedPath).ShouldBeTrue($"no pinned explanation for {file}: run the tests with CREMA_UPDATE_EXPECTED=1 and review {expectedPath}");
        text.ShouldBe(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"));
    }
}
