using System.Text.Json;
using Json.Schema;

namespace Crema.Tests.Chart;

/// <summary>Evaluates a JSON Schema and lists each failure as "instance location: message".</summary>
internal static class SchemaErrors
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.Hierarchical };

    public static IReadOnlyList<string> Of(JsonSchema schema, JsonElement instance)
    {
        var results = schema.Evaluate(instance, Options);
        if (results.IsValid)
        {
            return [];
        }
        var errors = Failures(results).Distinct().ToList();
        return errors.Count > 0 ? errors : ["(root): invalid"];
    }

    // Only down failing branches: a passing node's failing children (inside not, anyOf, if) are no errors.
    private static IEnumerable<string> Failures(EvaluationResults result)
    {
        if (result.IsValid)
        {
            yield break;
        }
        var messages = (result.Errors ?? new Dictionary<string, string>()).Values.ToList();
        var below = (result.Details ?? []).SelectMany(Failures).ToList();
        if (messages.Count == 0 && below.Count == 0)
        {
            // A keyword that fails without a message of its own (not): name the schema that failed.
            messages.Add($"does not satisfy {result.EvaluationPath}");
        }
        foreach (var message in messages)
        {
            yield return $"{Location(result)}: {message}";
        }
        foreach (var failure in below)
        {
            yield return failure;
        }
    }

    private static string Location(EvaluationResults result)
    {
        var location = result.InstanceLocation.ToString();
        return location.Length == 0 ? "(root)" : location;
    }
}
