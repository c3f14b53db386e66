using Crema.Abstractions;
using Crema.Scalers.Cron;
using Crema.Tests.Support;
using FsCheck.Fluent;
using Microsoft.Extensions.Time.Testing;

namespace Crema.Tests.Fuzzing;

internal static partial class FuzzTargets
{
    /// <summary>
    /// cron triggers' start, end and timezone (one per line) through the factory, then readings across a year of
    /// instants (daylight-saving changes included): bound or refused with errors, never thrown, and every reading 0 or
    /// desiredReplicas.
    /// </summary>
    private static FuzzTarget Cron()
    {
        string[] seeds =
        [
            "0 8 * * 1-5\n0 18 * * 1-5\nEurope/Berlin",
            "CRON_TZ=America/New_York */5 * * * *\n30 2 * * *\nUTC",
            "30 2 31 2 *\n0 3 * * *\nAmerica/Sao_Paulo",
            "0 0 1,15 * MON\n59 23 L * *\nAsia/Kathmandu",
            "TZ=Australia/Lord_Howe 0-59/7 1-23/2 */3 JAN-DEC SUN-SAT\n0 0 * * 0\nPacific/Chatham",
            "@daily\n0 0 * * *\nEtc/GMT+12",
        ];
        var inputs = FuzzInputs.Mutated(seeds, ["*", "/", "-", ",", "?", "L", "W", "#", "0", "59", "60", "24", "31", "32", "13", "7", "8", "JAN", "SUN", "CRON_TZ=", "TZ=", "\n", " ", "Europe/", "../", "\u0000"]);
        var factory = new CronScalerFactory();
        var now = new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero);
        return new FuzzTarget("cron", inputs, text =>
        {
            var lines = text.Split('\n');
            var metadata = new Dictionary<string, string>
            {
                ["start"] = lines[0],
                ["end"] = lines.Length > 1 ? lines[1] : "",
                ["timezone"] = lines.Length > 2 ? lines[2] : "",
                ["desiredReplicas"] = "3",
            };
            var time = new FakeTimeProvider(now);
            var context = TestTriggers.For("cron", metadata, timeProvider: time);
            var validation = factory.Validate(context);
            if (!validation.IsValid)
            {
                return validation.Errors.Any(e => e.Message.Length == 0) ? "an empty error" : null;
            }
            var scaler = factory.Create(context);
            foreach (var step in new[] { TimeSpan.Zero, TimeSpan.FromMinutes(31), TimeSpan.FromHours(23), TimeSpan.FromDays(31), TimeSpan.FromDays(211) })
            {
                time.Advance(step);
                var reading = scaler.ReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
                if (reading.Value is not (0 or 3))
                {
                    return $"a reading of {reading.Value} at {time.GetUtcNow():O}";
                }
            }
            return null;
        });
    }
}
