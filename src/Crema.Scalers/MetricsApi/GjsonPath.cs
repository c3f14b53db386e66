using System.Text.Json;

namespace Crema.Scalers.MetricsApi;

/// <summary>
/// A parsed GJSON path and its evaluation over a System.Text.Json document, with gjson's rules: a key
/// takes the first member whose name matches and whose rest of the path also matches; a number indexes an
/// array; <c>#</c> counts, and <c>#.rest</c> (or <c>#(...)#.rest</c>) applies the rest up to the next
/// <c>|</c> to every item, keeping the results that exist; after <c>|</c> the rest applies to the result as
/// a whole. No GJSON library is served to this build (see docs/architecture.md), hence this subset.
/// </summary>
internal sealed class GjsonPath
{
    private readonly IReadOnlyList<GjsonStep> steps;

    private GjsonPath(IReadOnlyList<GjsonStep> steps) => this.steps = steps;

    /// <summary>The path, or null and a message saying what part of it is not understood.</summary>
    public static GjsonPath? Parse(string text, out string? error)
    {
        var steps = GjsonPathParser.Parse(text, out error);
        return steps is null ? null : new GjsonPath(steps);
    }

    /// <summary>What the path selects in <paramref name="root"/> (a primitive root has no keys, as in gjson).</summary>
    public GjsonValue Evaluate(JsonElement root) => Evaluate(steps, GjsonValue.Of(root), 0, steps.Count);

    /// <summary>Applies steps[<paramref name="index"/>..<paramref name="end"/>) to <paramref name="value"/>.</summary>
    internal static GjsonValue Evaluate(IReadOnlyList<GjsonStep> steps, GjsonValue value, int index, int end)
    {
        if (index >= end)
        {
            return value;
        }
        var step = steps[index];
        return step.Kind switch
        {
            GjsonStepKind.Key => Key(steps, value, index, end, step),
            GjsonStepKind.Hash when value.IsArray => ContinuesWithDot(steps, index, end)
                ? Map(steps, value.Items(), index + 1, end)
                : Evaluate(steps, GjsonValue.Count(value.ItemCount), index + 1, end),
            // On an object "#" is just a key, as gjson reads it there.
            GjsonStepKind.Hash when value.IsObject => Key(steps, value, index, end, step with { Kind = GjsonStepKind.Key, Pattern = "#", Name = "#" }),
            GjsonStepKind.Query when value.IsArray => First(steps, value, index, end, step.Query!),
            GjsonStepKind.QueryAll when value.IsArray => All(steps, value, index, end, step.Query!),
            GjsonStepKind.This => Evaluate(steps, value, index + 1, end),
            _ => GjsonValue.Missing,
        };
    }

    private static GjsonValue Key(IReadOnlyList<GjsonStep> steps, GjsonValue value, int index, int end, GjsonStep step)
    {
        if (value.IsObject)
        {
            // With more path after a dot, gjson tries each matching member until the rest matches too.
            var retry = ContinuesWithDot(steps, index, end);
            foreach (var (name, member) in value.Members())
            {
                if (!step.MatchesName(name))
                {
                    continue;
                }
                var result = Evaluate(steps, member, index + 1, end);
                if (result.Exists || !retry)
                {
                    return result;
                }
            }
            return GjsonValue.Missing;
        }
        if (value.IsArray && step.Index is { } position && position < value.ItemCount)
        {
            return Evaluate(steps, value.Items().ElementAt(position), index + 1, end);
        }
        return GjsonValue.Missing;
    }

    private static GjsonValue First(IReadOnlyList<GjsonStep> steps, GjsonValue array, int index, int end, GjsonQuery query)
    {
        foreach (var item in array.Items())
        {
            if (query.Matches(item))
            {
                return Evaluate(steps, item, index + 1, end);
            }
        }
        return GjsonValue.Missing;
    }

    private static GjsonValue All(IReadOnlyList<GjsonStep> steps, GjsonValue array, int index, int end, GjsonQuery query)
    {
        var matches = array.Items().Where(query.Matches).ToList();
        return ContinuesWithDot(steps, index, end)
            ? Map(steps, matches, index + 1, end)
            : Evaluate(steps, GjsonValue.Array(matches), index + 1, end);
    }

    /// <summary>Applies the steps up to the next pipe to each item; the steps after the pipe apply to the array of results.</summary>
    private static GjsonValue Map(IReadOnlyList<GjsonStep> steps, IEnumerable<GjsonValue> items, int from, int end)
    {
        var stop = from;
        while (stop < end && (stop == from || !steps[stop].Piped))
        {
            stop++;
        }
        var results = items.Select(item => Evaluate(steps, item, from, stop)).Where(result => result.Exists).ToList();
        return Evaluate(steps, GjsonValue.Array(results), stop, end);
    }

    private static bool ContinuesWithDot(IReadOnlyList<GjsonStep> steps, int index, int end) => index + 1 < end && !steps[index + 1].Piped;
}
