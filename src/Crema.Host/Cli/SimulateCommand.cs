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
    internal const double DefaultTailSeconds = 600;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = new Option<string>("--config", "-c") { Description = "The CremaConfig YAML file.", HelpName = "FILE", Required = true };
        var trace = new Option<string?>("--trace", "-t") { Description = "CSV with the header time_s,object,trigger,value; value is a number or error.", HelpName = "FILE" };
        var model = new Option<string?>("--model") { Description = "queue: run one object's queue under Crema, CREMA 1.2's semantics and the lower bound (needs --arrivals).", HelpName = "MODEL" };
        model.AcceptOnlyFromAmong("queue");
        var arrivals = new Option<string?>("--arrivals") { Description = "For --model queue: CSV with the header time_s,rate (messages per second from time_s on).", HelpName = "FILE" };
        var serviceRate = new Option<double>("--service-rate") { Description = "For --model queue: messages one instance serves per second.", HelpName = "RATE", DefaultValueFactory = _ => 1 };
        var startDelay = new Option<int>("--start-delay") { Description = "For --model queue: seconds before a new instance serves.", HelpName = "SECONDS", DefaultValueFactory = _ => 10 };
        var only = new Option<string?>("--object") { Description = "For --model queue: the scaled object to model (needed when the config has several).", HelpName = "NAME" };
        serviceRate.Validators.Add(r =>
        {
            if (!(r.GetValueOrDefault<double>() > 0 && double.IsFinite(r.GetValueOrDefault<double>())))
            {
                r.AddError("--service-rate must be a number of messages per second above 0.");
            }
        });
        startDelay.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--start-delay must be 0 or more seconds.");
            }
        });
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
        var command = new Command("simulate", "Replay a recorded trace through the scaling engine (decisions as CSV on stdout, a summary on stderr), or with --model queue compare what a queue pays under Crema, CREMA and the lower bound.")
        {
            config, trace, initial, duration, model, arrivals, serviceRate, startDelay, only,
        };
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(model) is not null)
            {
                return QueueModelRun.Run(parsed.GetValue(config)!, parsed.GetValue(arrivals), parsed.GetValue(serviceRate), parsed.GetValue(startDelay),
                    parsed.GetValue(duration), parsed.GetValue(only), output, error);
            }
            if (parsed.GetValue(trace) is not { } tracePath)
            {
                error.WriteLine("give --trace FILE (a recorded trace), or --model queue with --arrivals FILE");
                return ConfigFileReader.Invalid;
            }
            return Run(parsed.GetValue(config)!, tracePath, parsed.GetValue(initial), parsed.GetValue(duration), output, error);
        });
        return command;
    }

    public static int Run(string configPath, string tracePath, int initialReplicas, double? duration, TextWriter output, TextWriter error)
    {
        var (loaded, exitCode) = ConfigFileReader.Load(configPath, error);
        if (exitCode != 0)
        {
            return exitCode;
        }
        if (ConfigFileReader.ReadText(tracePath, "the trace", error) is not { } traceText)
        {
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
