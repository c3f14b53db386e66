using System.Globalization;
using System.Text;
using Crema.Core.Configuration;
using Crema.Core.Simulation;
using Crema.Scalers;

namespace Crema.Benchmarks;

/// <summary>
/// <c>crema simulate</c>'s work for a 100,000-row trace: 10 scaled objects (pollingInterval 10), each with
/// one trigger reading a new value every 10 s for 10,000 rows, so 100,010 engine decisions in all.
/// Parsing (TraceReader) and replay (Simulator) are measured apart.
/// </summary>
internal static class SimulateBenchmark
{
    private const int Objects = 10;
    private const int RowsPerObject = 10_000;
    private const double Step = 10;

    public static void Run(TextWriter output)
    {
        var scalers = BuiltInScalers.CreateRegistry();
        var loaded = ConfigLoader.Load(Config(), "simulate.yaml", scalers);
        if (!loaded.IsValid)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, loaded.Errors));
        }
        var traceText = Trace();
        var (rows, errors) = TraceReader.Read(traceText, "trace.csv");
        if (errors.Count > 0 || rows.Count != Objects * RowsPerObject)
        {
            throw new InvalidOperationException($"trace: {rows.Count} rows, {errors.Count} errors");
        }
        var duration = (RowsPerObject - 1) * Step;
        Measurement.Run("simulate: read 100k-row trace", () => TraceReader.Read(traceText, "trace.csv"), 3, TimeSpan.FromSeconds(3)).Write(output);
        var replay = Measurement.Run("simulate: replay 100k rows (100k decisions)", () => Simulator.Run(loaded.Config!, scalers, rows, 0, duration), 3, TimeSpan.FromSeconds(5));
        replay.Write(output);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"  = trace rows replayed per second",-44} {Objects * RowsPerObject * replay.PerSecond,37:N0}"));
    }

    private static string Config()
    {
        var yaml = new StringBuilder("apiVersion: crema/v1\nkind: CremaConfig\nspec:\n  scaledObjects:\n");
        for (var o = 0; o < Objects; o++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"""
                    - metadata: {"{"}name: o{o}{"}"}
                      spec:
                        scaleTargetRef: {"{"}name: projects/bench/locations/us-central1/workerPools/o{o}{"}"}
                        pollingInterval: 10
                        maxReplicaCount: 50
                        cooldownPeriod: 120
                        triggers:
                          - type: prometheus
                            name: q
                            metadata: {"{"}serverAddress: "http://prometheus:9090", query: "q", threshold: "10"{"}"}

                """);
        }
        return yaml.ToString();
    }

    /// <summary>Rows in time order; each object's load cycles every 1,000 rows, with an error row now and then.</summary>
    private static string Trace()
    {
        var text = new StringBuilder("time_s,object,trigger,value\n");
        for (var i = 0; i < RowsPerObject; i++)
        {
            for (var o = 0; o < Objects; o++)
            {
                var load = Math.Max(0, Math.Sin((i + (o * 97)) * 2 * Math.PI / 1000) * 300);
                var value = (i + o) % 211 == 0 ? "error" : load.ToString("0.##", CultureInfo.InvariantCulture);
                text.Append(CultureInfo.InvariantCulture, $"{i * Step},o{o},q,{value}\n");
            }
        }
        return text.ToString();
    }
}
