using Crema.Abstractions;
using Crema.Core.Configuration;
using Crema.Tests.Support;

namespace Crema.Tests.Configuration;

/// <summary>Loads YAML snippets and asserts on diagnostics with readable failures.</summary>
internal static class ConfigTestHelper
{
    public const string FileName = "crema.yaml";

    public const string DefaultTriggers = """
        triggers:
          - {type: github-runner, name: queue, metadata: {owner: acme}}
        """;

    public static ConfigLoadResult Load(string yaml, ScalerRegistry? registry = null) =>
        ConfigLoader.Load(yaml, FileName, registry ?? TestScalers.Registry());

    /// <summary>A config with one scaled object; <paramref name="specBody"/> lines are added to its spec.</summary>
    public static string OneScaledObject(string specBody = "", string triggers = DefaultTriggers, string authentications = "", string metadata = "")
    {
        var lines = new List<string> { "apiVersion: crema/v1", "kind: CremaConfig", "spec:" };
        if (authentications.Length > 0)
        {
            lines.Add("  triggerAuthentications:");
            lines.AddRange(Indent(authentications, 4));
        }
        lines.Add("  scaledObjects:");
        lines.Add("    - spec:");
        lines.Add("        scaleTargetRef: {name: projects/my-project/locations/us-central1/workerPools/pool}");
        lines.AddRange(Indent(triggers, 8));
        lines.AddRange(Indent(specBody, 8));
        if (metadata.Length > 0)
        {
            lines.Add("      metadata:");
            lines.AddRange(Indent(metadata, 8));
        }
        return string.Join('\n', lines) + "\n";
    }

    public static void ShouldHaveError(this ConfigLoadResult result, string path, string messagePart)
    {
        result.Errors.Any(e => e.Path == path && e.Message.Contains(messagePart, StringComparison.Ordinal))
            .ShouldBeTrue($"expected an error at {path} containing \"{messagePart}\"; got:\n{Describe(result)}");
        result.Config.ShouldBeNull();
    }

    public static void ShouldBeValid(this ConfigLoadResult result)
    {
        result.Errors.ShouldBeEmpty($"expected no errors; got:\n{Describe(result)}");
        result.Config.ShouldNotBeNull();
        result.IsValid.ShouldBeTrue();
    }

    public static string Describe(ConfigLoadResult result) =>
        string.Join('\n', result.Errors.Select(e => "E " + e).Concat(result.Warnings.Select(w => "W " + w)));

    private static IEnumerable<string> Indent(string text, int spaces) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => new string(' ', spaces) + line.TrimEnd('\r'));
}
