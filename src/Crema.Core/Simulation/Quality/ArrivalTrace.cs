using System.Globalization;

namespace Crema.Core.Simulation.Quality;

/// <summary>
/// Message arrivals for the queue model: a CSV with the header <c>time_s,rate</c> (after any <c>#</c> comment lines), the arrival rate in messages
/// per second from <c>time_s</c> until the next row (0 before the first). Every bad line is reported as
/// <c>FILE:LINE: message</c>.
/// </summary>
public sealed class ArrivalTrace
{
    private const string Header = "time_s,rate";
    private readonly (double Time, double Rate)[] steps;

    private ArrivalTrace((double, double)[] steps) => this.steps = steps;

    /// <summary>The time of the last row, in seconds.</summary>
    public double LastTimeSeconds => steps.Length == 0 ? 0 : steps[^1].Time;

    /// <summary>Parses the trace; returns null and every error when it is not valid.</summary>
    public static (ArrivalTrace? Trace, IReadOnlyList<string> Errors) Read(string text, string fileName)
    {
        var errors = new List<string>();
        var lines = text.Split('\n');
        var header = 0;
        while (header < lines.Length - 1 && lines[header].TrimStart().StartsWith('#'))
        {
            header++;
        }
        if (!string.Equals(lines[header].Trim().Replace(" ", "", StringComparison.Ordinal), Header, StringComparison.OrdinalIgnoreCase))
        {
            return (null, [$"{fileName}:{header + 1}: the header must be \"{Header}\" (after any # comment lines)"]);
        }
        var steps = new List<(double, double)>();
        for (var i = header + 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var fields = line.Split(',', StringSplitOptions.TrimEntries);
            if (fields.Length != 2)
            {
                errors.Add($"{fileName}:{i + 1}: expected 2 fields (time_s,rate), found {fields.Length}");
            }
            else if (!TryNonNegative(fields[0], out var time))
            {
                errors.Add($"{fileName}:{i + 1}: time_s \"{fields[0]}\" is not a non-negative number");
            }
            else if (!TryNonNegative(fields[1], out var rate))
            {
                errors.Add($"{fileName}:{i + 1}: rate \"{fields[1]}\" is not a non-negative number of messages per second");
            }
            else
            {
                steps.Add((time, rate));
            }
        }
        return errors.Count > 0 ? (null, errors) : (new ArrivalTrace([.. steps.OrderBy(s => s.Item1)]), errors);
    }

    /// <summary>The arrival rate (messages per second) in force at <paramref name="time"/>.</summary>
    public double RateAt(double time)
    {
        var rate = 0d;
        foreach (var (start, value) in steps)
        {
            if (start > time)
            {
                break;
            }
            rate = value;
        }
        return rate;
    }

    private static bool TryNonNegative(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value >= 0 && double.IsFinite(value);
}
