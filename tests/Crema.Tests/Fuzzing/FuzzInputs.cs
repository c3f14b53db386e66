using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Crema.Tests.Fuzzing;

/// <summary>
/// Input generators: valid seeds mutated (characters flipped, tokens inserted, ranges deleted, duplicated,
/// spliced from another seed, nested deep, truncated), and JSON or YAML built from a target's own vocabulary,
/// so inputs reach past the first "not an object" check into the typed reads.
/// </summary>
internal static class FuzzInputs
{
    /// <summary>Characters parsers trip on: controls, quotes, brackets, separators, a lone surrogate, a BOM, bidi.</summary>
    private static readonly char[] Awkward =
    [
        '\0', '\u0001', '\u0007', '\b', '\t', '\n', '\u000c', '\r', '\u001b', '\u007f', '\u0085', '\u00a0', '\u2028', '\u202e', '\ufeff', '\ud800', '\udc00', '\uffff',
        '"', '\'', '\\', '/', '{', '}', '[', ']', ':', ',', '-', '#', '&', '*', '!', '|', '>', '%', '@', '`', '?', '=', '.', '+', '0', '9', 'e', ' ',
    ];

    /// <summary>Values that sit on a type's edge.</summary>
    public static readonly string[] EdgeNumbers =
    [
        "0", "-0", "1", "-1", "0.5", "1e309", "-1e309", "1e-400", "NaN", "+Inf", "-Inf", "Infinity", "-Infinity", "inf", ".nan",
        "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "1.7976931348623157e308", "4.9e-324", "0x10", "1_000", "00012", "1e5", "3.", ".5", "+1", "１",
    ];

    private static readonly string[] JsonTokens = ["{", "}", "[", "]", ",", ":", "\"", "null", "true", "false", "{}", "[]", "\"\"", "\\u0000", "\\ud800", "\\", "/*", "//"];

    private static readonly string[] YamlTokens =
    [
        "&a ", "*a", "<<: *a", "!!binary ", "!!int ", "!!float ", "!tag ", "? ", "- ", "{", "}", "[", "]", "|", ">-", "---\n", "...\n", "%YAML 1.2\n",
        "\t", "  ", "\n  ", "\n- ", ": ", "~", "null", "'", "\"", "#", "\"\\x00\"", "\"\\u202e\"", "\"\\e\"", "yes", "on", "0o17",
    ];

    /// <summary>A seed with 1 to 8 mutations, drawn from FsCheck's random source.</summary>
    public static Gen<string> Mutated(IReadOnlyList<string> seeds, IReadOnlyList<string> tokens) =>
        Gen.Choose(0, int.MaxValue).Select(n => Mutate(seeds, tokens, new Random(n)));

    public static Gen<string> MutatedJson(IReadOnlyList<string> seeds) => Mutated(seeds, [.. JsonTokens, .. EdgeNumbers]);

    public static Gen<string> MutatedYaml(IReadOnlyList<string> seeds, IReadOnlyList<string> words) => Mutated(seeds, [.. YamlTokens, .. EdgeNumbers, .. words]);

    /// <summary>Random JSON whose object keys come mostly from <paramref name="keys"/> (and string values from <paramref name="words"/>).</summary>
    public static Gen<string> Json(IReadOnlyList<string> keys, IReadOnlyList<string> words) => Gen.Sized(size => JsonValue(keys, words, Math.Min(6, 1 + (size / 15))));

    /// <summary>Seeds, mutated seeds and generated JSON, in the proportions that found the most in trials.</summary>
    public static Gen<string> JsonMix(IReadOnlyList<string> seeds, IReadOnlyList<string> keys, IReadOnlyList<string> words) =>
        Gen.Frequency((1, Gen.Elements(seeds.ToArray())), (5, MutatedJson(seeds)), (4, Json(keys, words)));

    /// <summary>Random bytes as Latin-1 text (one char per byte), for binary formats.</summary>
    public static Gen<string> Bytes() => Gen.ListOf(Gen.Choose(0, 255)).Select(b => new string([.. b.Select(x => (char)x)]));

    /// <summary>The Latin-1 string of <paramref name="bytes"/> and back: binary inputs share the text mutators.</summary>
    public static string Latin1(byte[] bytes) => new([.. bytes.Select(b => (char)b)]);

    public static byte[] FromLatin1(string text) => [.. text.Select(c => (byte)c)];

    /// <summary>A string value: a known word, an edge number, or text with awkward characters.</summary>
    public static Gen<string> Word(IReadOnlyList<string> words) => Gen.Frequency(
        (4, Gen.Elements(words.ToArray())),
        (2, Gen.Elements(EdgeNumbers)),
        (2, Gen.ArrayOf(Gen.Elements(Awkward)).Select(c => new string(c))),
        (1, Gen.Choose(0, int.MaxValue).Select(n => new string('a', n % 3000))));

    private static Gen<string> JsonValue(IReadOnlyList<string> keys, IReadOnlyList<string> words, int depth)
    {
        var scalar = Gen.Frequency(
            (3, Word(words).Select(Quote)),
            (3, Gen.Elements(EdgeNumbers.Where(n => double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && !n.StartsWith('+') && !n.StartsWith('.') && !n.EndsWith('.') && !n.StartsWith("00", StringComparison.Ordinal)).ToArray())),
            (1, Gen.Elements("true", "false", "null")));
        if (depth <= 0)
        {
            return scalar;
        }
        var inner = JsonValue(keys, words, depth - 1);
        var key = Gen.Frequency((6, Gen.Elements(keys.ToArray())), (1, Word(words)));
        var member = key.SelectMany(k => inner.Select(v => $"{Quote(k)}:{v}"));
        return Gen.Frequency(
            (2, scalar),
            (3, Gen.ListOf(member).Select(m => "{" + string.Join(",", m.Take(8)) + "}")),
            (2, Gen.ListOf(inner).Select(v => "[" + string.Join(",", v.Take(6)) + "]")));
    }

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static string Mutate(IReadOnlyList<string> seeds, IReadOnlyList<string> tokens, Random random)
    {
        var text = new StringBuilder(seeds[random.Next(seeds.Count)]);
        var steps = 1 + random.Next(8);
        for (var i = 0; i < steps; i++)
        {
            var at = random.Next(text.Length + 1);
            var length = Math.Min(text.Length - at, 1 + random.Next(16));
            switch (random.Next(9))
            {
                case 0 when at < text.Length:
                    text[at] = Awkward[random.Next(Awkward.Length)];
                    break;
                case 1:
                    text.Insert(at, Awkward[random.Next(Awkward.Length)]);
                    break;
                case 2:
                case 3:
                    text.Insert(at, tokens[random.Next(tokens.Count)]);
                    break;
                case 4:
                    text.Remove(at, length);
                    break;
                case 5:
                    text.Insert(at, text.ToString(at, length));
                    break;
                case 6:
                    var other = seeds[random.Next(seeds.Count)];
                    var from = random.Next(other.Length + 1);
                    text.Insert(at, other.AsSpan(from, Math.Min(other.Length - from, 1 + random.Next(64))));
                    break;
                case 7:
                    // Deep nesting or a long repeat: the depth and size limits.
                    var token = tokens[random.Next(tokens.Count)];
                    text.Insert(at, string.Concat(Enumerable.Repeat(token, 1 + random.Next(300))));
                    break;
                default:
                    text.Length = at;
                    break;
            }
        }
        return text.ToString();
    }
}
