using System.Globalization;

namespace Crema.Core.Simulation;

/// <summary>
/// Reads a trace CSV with the header <c>time_s,object,trigger,value</c>; <c>value</c> is a number or
/// <c>error</c>. Every bad line is reported as <c>FILE:LINE: message</c>; nothing stops at the first.
/// </summary>
public static class TraceReader
{
    private const string Header = "time_s,object,trigger,value";

    /// <summary>Parses the trace; rows are returned sorted by time (stable for equal times).</summary>
    public static (IReadOnlyList<TraceRow> Rows, IReadOnlyList<string> Errors) Read(string text, string fileName)
    {
        var rows = new List<TraceRow>();
        var errors = new List<string>();
        var lines = text.Split('\n');
        if (lines.Length == 0 || !string.Equals(lines[0].Trim().Replace(" ", "", StringComparison.Ordinal), Header, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{fileName}:1: the header must be \"{Header}\"");
            return (rows, errors);
        }
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var row = ParseLine(line, i + 1, fileName, errors);
            if (row is not null)
            {
                rows.Add(row);
            }
        }
        return (rows.OrderBy(r => r.TimeSeconds).ToArray(), errors);
    }

    private static TraceRow? ParseLine(string line, int number, string fileName, List<string> errors)
    {
        var fields = line.Split(',', StringSplitOptions.TrimEntries);
        if (fields.Length != 4)
        {
            errors.Add($"{fileName}:{number}: expected 4 fields (time_s,object,trigger,value), found {fields.Length}");
            return null;
        }
        if (!double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var time) || time < 0 || !double.IsFinite(time))
        {
            errors.Add($"{fileName}:{number}: time_s \"{fields[0]}\" is not a non-negative number");
            return null;
        }
        double? value = null;
        if (!string.Equals(fields[3], "error", StringComparison.OrdinalIgnoreCase))
        {
            if (!double.TryParse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                errors.Add($"{fileName}:{number}: value \"{fields[3]}\" is not a number or \"error\"");
                return null;
            }
            value = parsed;
        }
        return new TraceRow(time, fields[1], fields[2], value, number);
    }
}
