using Crema.Abstractions;
using Crema.Core.Configuration;
using Crema.Core.Configuration.Import;
using Crema.Scalers;

namespace Crema.Tests.Configuration;

/// <summary>Keys and values quoted from a config file reach messages with their control characters escaped.</summary>
public sealed class UntrustedConfigTextTests
{
    // Double-quoted YAML escapes put raw control characters (and bidi overrides) into keys and values.
    private const string Hostile = """
        apiVersion: crema/v1
        kind: CremaConfig
        spec:
          pollingInterval: "\e[2J"
          triggerAuthentications:
            - metadata: {name: "au\u0008th"}
              spec: {"sec\u0007retTargetRef": []}
          scaledObjects:
            - metadata: {annotations: {"autoscaling.keda.sh/paused\a": "x"}}
              spec:
                scaleTargetRef: {name: "projects/p/locations/l/workerPools/a\e[31m"}
                "\fadvanced": {}
                advanced: {scalingModifiers: {formula: "a +\u0085 b", target: "t\u2028"}}
                triggers:
                  - type: "prom\aetheus"
                  - type: prometheus
                    authenticationRef: {name: "mis\u202esing"}
                    metadata: {"ser\u202everAddress": "x", serverAddress: "http://\ax", query: up, threshold: "o\u0085ne", "k\u0001": "1"}
        """;

    [Fact]
    public void Load_UnknownFieldWithFormFeed_QuotedEscaped()
    {
        var result = ConfigLoader.Load(Hostile, "crema.yaml", BuiltInScalers.CreateRegistry());

        result.Errors.ShouldContain(d => d.Path == "spec.scaledObjects[0].spec[\"\\x0cadvanced\"]" && d.Message.StartsWith("unknown field \"\\x0cadvanced\"", StringComparison.Ordinal),
            string.Join("\n", result.Errors));
    }

    [Fact]
    public void Load_ControlCharactersAllOverTheFile_NoDiagnosticCarriesOne()
    {
        var result = ConfigLoader.Load(Hostile, "crema\u001b.yaml", BuiltInScalers.CreateRegistry());
        var all = result.Errors.Concat(result.Warnings).ToArray();

        all.Length.ShouldBeGreaterThanOrEqualTo(8, string.Join("\n", all));
        all.ShouldAllBe(d => IsClean(d.ToString()), string.Join("\n", all));
        all.ShouldContain(d => d.Message.Contains("\"o\\x85ne\" is not a number", StringComparison.Ordinal));
        all.ShouldContain(d => d.Message.Contains("unknown metadata key \"ser\\u202everAddress\"", StringComparison.Ordinal));
        all.ShouldContain(d => d.Message.Contains("unknown trigger type \"prom\\x07etheus\"", StringComparison.Ordinal));
        all[0].File.ShouldBe("crema\\x1b.yaml");
    }

    [Fact]
    public void Import_KedaManifestWithControlCharacters_NotesAndErrorsEscaped()
    {
        var result = KedaImporter.Import(
            [("keda.yaml", """
                apiVersion: v1
                kind: "Con\u001bfigMap"
                metadata: {name: "cm\a"}
                ---
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: "wo\u202erker"}
                spec: {scaleTargetRef: {name: "wo\u202erker"}, triggers: []}
                """)],
            new KedaImportTarget(null, null));

        result.Notes.Concat(result.Errors).ShouldNotBeEmpty();
        result.Notes.Concat(result.Errors).ShouldAllBe(m => IsClean(m), string.Join("\n", result.Notes.Concat(result.Errors)));
        result.Notes.ShouldContain(n => n.Contains("Con\\x1bfigMap cm\\x07", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("a\u2028b", "a\\u2028b")]
    [InlineData("\u202eevil", "\\u202eevil")]
    [InlineData("x\u2066y\u2069", "x\\u2066y\\u2069")]
    [InlineData("tab\there", "tab here")]
    [InlineData("plain ünïcödé", "plain ünïcödé")]
    public void Escape_LineSeparatorsAndBidiControls_Written(string text, string expected) =>
        UntrustedText.Escape(text).ShouldBe(expected);

    internal static bool IsClean(string text) => !text.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069'));
}
