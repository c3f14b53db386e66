using System.CommandLine;
using System.Globalization;
using Crema.Core.Simulation;

namespace Crema.Host.Cli;

/// <summary>
/// <c>crema simulate --config FILE --trace TRACE.csv</c>: replays a trace through the engine. The CSV of
/// decisions goes to standard output, the summary to standard error, so the CSV can be piped on.
/// </summary>
internal static class SimulateCommand
{
    /// <summary>Added to the last trace time when no duration is given: enough for the default 300 s cooldown and window.</summary>
    private const double DefaultTailSeconds = 600;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = new Option<string>("--config", "-c") { Description = "The CremaConfig YAML file.", HelpName = "FILE", Required = true };
        var trace = new Option<string>("--trace", "-t") { Description = "CSV with the header time_s,object,trigger,value; value is a number or error.", HelpName = "FILE", Required = true };
        var initial = new Option<int>("--initial-replicas") { Description = "Replicas at time 0.", HelpName = "COUNT" };
        var duration = new Option<double?>("--duration") { Description = "Seconds to simulate (default: the last trace time + 600).", HelpName = "SECONDS" };
        initial.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--initial-replicas must be 0 or more.");
            }
        });
        duration.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } d && !(d >= 0 && double.IsFinite(d)))
            {
                r.AddError("--duration must be a number of seconds, 0 or more.");
            }
        });
        var command = new Command("simulate", "Replay a recorded trace through the scaling engine: decisions as CSV on stdout, a summary on stderr.")
        {
            config, trace, initial, duration,
        };
        command.SetAction(parsed => Run(parsed.GetValue(config)!, parsed.GetValue(trace)!, parsed.GetValue(initial), parsed.GetValue(duration), output, error));
        return command;
    }

    public static int Run(string configPath, string tracePath, int initialReplicas, double? duration, TextWriter output, TextWriter error)
    {
        var (loaded, exitCode) = ConfigFileReader.Load(configPath, error);
        if (exitCode != 0)
        {
            return exitCode;
        }
        string traceText;
        try
        {
            traceText = File.ReadAllText(tracePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            error.WriteLine($"{tracePath}: cannot read the trace: {e.Message}");
            return ConfigFileReader.Unreadable;
        }
        var (rows, traceErrors) = TraceReader.Read(traceText, tracePath);
        var seconds = duration ?? (rows.Count == 0 ? 0 : rows[^1].TimeSeconds) + DefaultTailSeconds;
        var (result, runErrors) = traceErrors.Count > 0
            ? (null, traceErrors)
            : Simulator.Run(loaded!.Config!, ConfigFileReader.Scalers, rows, Math.Max(0, initialReplicas), seconds);
        if (result is null)
        {
            foreach (var message in runErrors)
            {
                error.WriteLine(message.StartsWith(tracePath, StringComparison.Ordinal) ? message : $"{tracePath}: {message}");
            }
            return ConfigFileReader.Invalid;
        }
        Write(result, output, error);
        return 0;
    }

    private static void Write(SimulationResult result, TextWriter output, TextWriter error)
    {
        output.WriteLine("time_s,object,replicas,active,reason");
        foreach (var row in result.Rows)
        {
            output.WriteLine(string.Join(',', Number(row.TimeSeconds), Csv(row.Object), row.Replicas.ToString(CultureInfo.InvariantCulture),
                row.Active ? "true" : "false", Csv(row.Reason)));
        }
        foreach (var summary in result.Summaries)
        {
            error.WriteLine($"{summary.Object}: instance-seconds {Number(summary.InstanceSeconds)}, scale changes {summary.ScaleChanges}, "
                + $"seconds active at zero replicas {Number(summary.ActiveAtZeroSeconds)}");
        }
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Csv(string field) =>
        field.IndexOfAny([',', '"', '\n']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
