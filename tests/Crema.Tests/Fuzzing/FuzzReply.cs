using System.Globalization;

namespace Crema.Tests.Fuzzing;

/// <summary>
/// One fuzzed reply written as text, so the text mutators reach the status and headers as well as the body:
/// an optional first line of three digits (the status; 200 without it), then, after a status line, header lines
/// <c>Name: value</c> up to an empty line, then the body. Several replies for successive requests are
/// separated by a line <see cref="Separator"/>.
/// </summary>
internal sealed record FuzzReply(int Status, IReadOnlyList<(string Name, string Value)> Headers, string Body)
{
    public const string Separator = "\n=====\n";

    /// <summary>The replies of <paramref name="text"/>, in the order they answer requests (the last one repeats).</summary>
    public static IReadOnlyList<FuzzReply> ParseAll(string text) => [.. text.Split(Separator).Select(Parse)];

    public static FuzzReply Parse(string text)
    {
        if (text.Length < 4 || text[3] != '\n' || !int.TryParse(text.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status is < 200 or > 599)
        {
            return new FuzzReply(200, [], text);
        }
        var rest = text[4..];
        var headers = new List<(string, string)>();
        while (rest.Length > 0 && rest[0] != '\n')
        {
            var end = rest.IndexOf('\n', StringComparison.Ordinal);
            var line = end < 0 ? rest : rest[..end];
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0)
            {
                break;
            }
            headers.Add((line[..colon], line[(colon + 2)..]));
            rest = end < 0 ? string.Empty : rest[(end + 1)..];
        }
        return new FuzzReply(status, headers, rest.StartsWith('\n') ? rest[1..] : rest);
    }

    /// <summary>The reply as text: <c>Write(Parse(t))</c> answers as <c>t</c> does.</summary>
    public static string Write(int status, string body, params (string Name, string Value)[] headers) =>
        string.Create(CultureInfo.InvariantCulture, $"{status}\n{string.Concat(headers.Select(h => $"{h.Name}: {h.Value}\n"))}\n{body}");
}
