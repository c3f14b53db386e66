using System.Globalization;
using Crema.Core.Simulation.Quality;

namespace Crema.Host.Cli;

/// <summary>
/// <c>crema simulate --model queue</c>: one scaled object's queue under Crema, under a model of CREMA 1.2 and under
/// the lower bound; a table with each one's cost and waits and the ratios to the lower bound, on standard output.
/// </summary>
internal static class QueueModelRun
{
    public static int Run(string configPath, string? arrivalsPath, double serviceRate, int startDelay, double? duration, string? objectName, TextWriter output, TextWriter error)
    {
        if (arrivalsPath is null)
        {
            error.WriteLine("--model queue needs --arrivals FILE (CSV: time_s,rate)");
            return ConfigFileReader.Invalid;
        }
        var (loaded, exitCode) = ConfigFileReader.Load(configPath, error);
        if (exitCode != 0)
        {
            return exitCode;
        }
        if (ConfigFileReader.ReadText(arrivalsPath, "the arrivals", error) is not { } text)
        {
            return ConfigFileReader.Unreadable;
        }
        var (arrivals, traceErrors) = ArrivalTrace.Read(text, arrivalsPath);
        if (arrivals is null)
        {
            traceErrors.ToList().ForEach(error.WriteLine);
            return ConfigFileReader.Invalid;
        }
        var seconds = (int)Math.Ceiling(duration ?? arrivals.LastTimeSeconds + SimulateCommand.DefaultTailSeconds);
        var parameters = new QueueParameters(serviceRate, startDelay, seconds);
        var (outcomes, errors) = QualityComparison.Run(loaded!.Config!, ConfigFileReader.Scalers, arrivals, parameters, objectName);
        if (errors.Count > 0)
        {
            errors.ToList().ForEach(e => error.WriteLine($"{configPath}: {e}"));
            return ConfigFileReader.Invalid;
        }
        output.Write(Render(outcomes, parameters));
        return 0;
    }

    internal static string Render(IReadOnlyList<QueueOutcome> outcomes, QueueParameters parameters)
    {
        var bound = outcomes[^1];
        var text = new System.Text.StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"queue model: {N(parameters.ServiceRate)} messages/s per instance, {parameters.StartDelaySeconds} s start delay, {parameters.DurationSeconds} s\n");
        text.Append(CultureInfo.InvariantCulture, $"{"policy",-24} {"instance-s",11} {"p95 wait s",11} {"max backlog",12} {"left",7} {"cost / bound",13} {"p95 wait / bound",17}\n");
        foreach (var o in outcomes)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{o.Policy,-24} {N(o.InstanceSeconds),11} {N(o.P95WaitSeconds),11} {N(o.MaxBacklog),12} {N(o.FinalBacklog),7} {Ratio(o.InstanceSeconds, bound.InstanceSeconds),13} {Ratio(o.P95WaitSeconds, bound.P95WaitSeconds),17}\n");
        }
        return text.ToString();
    }

    // A lower bound with no wait at all gives no ratio; the difference says the same.
    private static string Ratio(double value, double bound) => bound > 0 ? N(value / bound) + "x" : value == 0 ? "1x" : "+" + N(value) + " s";

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
