using Crema.Abstractions;
using Crema.Scalers.Cron;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Cron;

public class CronScalerFactoryTests
{
    private const string Valid = "timezone=Etc/UTC|start=0 0 * * Thu|end=59 23 * * Thu|desiredReplicas=10";
    private readonly CronScalerFactory factory = new();

    private (CronMetadata Metadata, IReadOnlyList<MetadataError> Errors) Bind(string changes, string baseline = Valid, DateTimeOffset? now = null) =>
        factory.BindForTest(TestTriggers.For("cron", TestTriggers.Parse(changes, baseline), timeProvider: new FakeTimeProvider(now ?? new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero))));

    private MetricReading At(string metadata, DateTimeOffset utc) =>
        factory.Create(TestTriggers.For("cron", TestTriggers.Parse(metadata), timeProvider: new FakeTimeProvider(utc))).ReadAsync(default).AsTask().Result;

    // KEDA's cron_scaler_test.go testCronMetadata, plus Crema's rejections.
    [Theory]
    [InlineData("", Valid, null)]
    [InlineData("start=0 */2 * * *|end=0 1-23/2 * * *", Valid, null)]
    [InlineData("start=0,30 * * * *|end=15,45 * * * *", Valid, null)]
    [InlineData("timezone=Asia/Kolkata|start=30-33 * * * *|end=45 * * * *|desiredReplicas=10", "", null)]
    [InlineData("timezone=Asia/Kolkata|start=30 * * * *|end=45-50 * * * *|desiredReplicas=10", "", null)]
    [InlineData("", "", "timezone")]
    [InlineData("timezone=Asia/Kolkata|start=30 * * * *|end=45 * * * *", "", "desiredReplicas")]
    [InlineData("start=30 * * * *|end=45 * * * *|desiredReplicas=10", "", "timezone")]
    [InlineData("timezone=Asia/Kolkata|start=-30 * * * *|end=45 * * * *|desiredReplicas=10", "", "start")]
    [InlineData("timezone=Asia/Kolkata|start=30 * * * *|end=-50 * * * *|desiredReplicas=10", "", "end")]
    [InlineData("timezone=Asia/Kolkata|start=30 * * * *|end=50 * * -3 *|desiredReplicas=10", "", "end")]
    [InlineData("timezone=Asia/Kolkata|start=30 * * * *|end=30 * * * *|desiredReplicas=10", "", "end")]
    [InlineData("desiredReplicas=0", Valid, "desiredReplicas")]
    [InlineData("desiredReplicas=1.5", Valid, "desiredReplicas")]
    [InlineData("timezone=Mars/Olympus", Valid, "timezone")]
    [InlineData("timezone=europe/berlin", Valid, "timezone")]
    [InlineData("start=@daily", Valid, "start")]
    [InlineData("start=0 0 0 * * *", Valid, "start")]
    [InlineData("start=0 0 * * 7", Valid, "start")]
    [InlineData("start=0 0 L * *", Valid, "start")]
    [InlineData("start=0 0 * * 1#2", Valid, "start")]
    [InlineData("start=*/0 * * * *", Valid, "start")]
    [InlineData("start=0 0 30 2 *", Valid, "start")]
    [InlineData("start=CRON_TZ=Nowhere/Land 0 9 * * *", Valid, "start")]
    [InlineData("end=59  23 * * THU", Valid, null)]
    public void Bind_KedaCases_ErrorOnExpectedKey(string changes, string baseline, string? errorKey)
    {
        var (_, errors) = Bind(changes, baseline);

        if (errorKey is null)
        {
            errors.ShouldBeEmpty();
        }
        else
        {
            errors.Select(e => e.Key).ShouldContain(errorKey, string.Join("; ", errors));
        }
    }

    [Theory]
    [InlineData("start=-30 * * * *", "start", "\"-30 * * * *\": minute field \"-30\": a value is missing (negative numbers are not allowed)")]
    [InlineData("start=0 25 * * *", "start", "\"0 25 * * *\": hour field \"25\": 25 is above the maximum 23")]
    [InlineData("start=0 0 * * 7", "start", "\"0 0 * * 7\": day-of-week field \"7\": 7 is above the maximum 6")]
    [InlineData("start=0 0 0 * * *", "start", "\"0 0 0 * * *\": expected exactly 5 fields (minute hour day-of-month month day-of-week), found 6; a seconds field is not accepted")]
    [InlineData("start=@hourly", "start", "\"@hourly\": descriptors such as @daily or @every are not accepted; write the five fields (minute hour day-of-month month day-of-week), as KEDA requires")]
    [InlineData("end=0 0 * * Thu", "end", "is the same schedule as start (\"0 0 * * Thu\"): the window would never close; give the time it should end")]
    [InlineData("timezone=Mars/Olympus", "timezone", "\"Mars/Olympus\" is not a time zone in the tz database (use an IANA name such as Europe/Berlin or America/New_York)")]
    [InlineData("timezone=europe/berlin", "timezone", "\"europe/berlin\" is not a time zone name: names are case-sensitive, use \"Europe/Berlin\"")]
    [InlineData("desiredReplicas=0", "desiredReplicas", "must be >= 1, found 0")]
    [InlineData("start=0 0 30 2 *", "start", "\"0 0 30 2 *\" never occurs (a date such as the 30th of February)")]
    public void Bind_InvalidInput_ExactError(string changes, string key, string message)
    {
        var (_, errors) = Bind(changes);

        errors.ShouldContain(new MetadataError(key, message, MetadataSource.Metadata), string.Join("; ", errors));
    }

    [Fact]
    public void Bind_EveryKeyMissing_ReportsAllInOnePass()
    {
        var (_, errors) = Bind("", "");

        errors.Select(e => e.Key).ShouldBe(["timezone", "start", "end", "desiredReplicas"], ignoreOrder: true);
    }

    [Fact]
    public void TimeZoneLookup_NoDatabase_SaysSo()
    {
        TimeZoneLookup.TryFind("Europe/Nowhere", "/nonexistent-zoneinfo", out _, out var error).ShouldBeFalse();

        error.ShouldBe("\"Europe/Nowhere\" cannot be looked up: this system has no time zone database (/nonexistent-zoneinfo is missing; install tzdata, or use an image that has it)");
    }

    [Theory]
    // KEDA TestIsActive / TestGetMetrics: 2026-12-03 is a Thursday.
    [InlineData(Valid, "2026-12-03T12:00:00Z", 10)]
    [InlineData(Valid, "2026-12-04T12:00:00Z", 0)]
    [InlineData(Valid, "2026-12-03T23:59:00Z", 0)]
    [InlineData(Valid, "2026-12-03T00:00:00Z", 10)]
    // KEDA TestIsActiveRange: even hours inside.
    [InlineData("timezone=Etc/UTC|start=0 */2 * * *|end=0 1-23/2 * * *|desiredReplicas=10", "2026-12-03T14:30:00Z", 10)]
    [InlineData("timezone=Etc/UTC|start=0 */2 * * *|end=0 1-23/2 * * *|desiredReplicas=10", "2026-12-03T15:30:00Z", 0)]
    // Crossing midnight: 22:00 to 06:00 Berlin (UTC+1 in December).
    [InlineData("timezone=Europe/Berlin|start=0 22 * * *|end=0 6 * * *|desiredReplicas=4", "2026-12-03T22:30:00Z", 4)]
    [InlineData("timezone=Europe/Berlin|start=0 22 * * *|end=0 6 * * *|desiredReplicas=4", "2026-12-03T04:59:00Z", 4)]
    [InlineData("timezone=Europe/Berlin|start=0 22 * * *|end=0 6 * * *|desiredReplicas=4", "2026-12-03T05:00:00Z", 0)]
    [InlineData("timezone=Europe/Berlin|start=0 22 * * *|end=0 6 * * *|desiredReplicas=4", "2026-12-03T20:59:00Z", 0)]
    // A start and an end on the same instant: open until then.
    [InlineData("timezone=Etc/UTC|start=0 * * * *|end=0 */2 * * *|desiredReplicas=3", "2026-12-03T01:30:00Z", 3)]
    [InlineData("timezone=Etc/UTC|start=0 * * * *|end=0 */2 * * *|desiredReplicas=3", "2026-12-03T02:30:00Z", 0)]
    // Day-of-month and day-of-week both restricted fire on either (KEDA): the 13th, or any Friday.
    [InlineData("timezone=Etc/UTC|start=0 9 13 * 5|end=0 17 13 * 5|desiredReplicas=2", "2026-12-04T10:00:00Z", 2)]
    [InlineData("timezone=Etc/UTC|start=0 9 13 * 5|end=0 17 13 * 5|desiredReplicas=2", "2026-12-13T10:00:00Z", 2)]
    [InlineData("timezone=Etc/UTC|start=0 9 13 * 5|end=0 17 13 * 5|desiredReplicas=2", "2026-12-08T10:00:00Z", 0)]
    // Spring forward, Berlin 2026-03-29 02:00 -> 03:00: a start at 02:30 opens at 03:00 (KEDA's parser skips it).
    [InlineData("timezone=Europe/Berlin|start=30 2 * * *|end=0 4 * * *|desiredReplicas=5", "2026-03-29T00:30:00Z", 0)]
    [InlineData("timezone=Europe/Berlin|start=30 2 * * *|end=0 4 * * *|desiredReplicas=5", "2026-03-29T01:00:00Z", 5)]
    [InlineData("timezone=Europe/Berlin|start=30 2 * * *|end=0 4 * * *|desiredReplicas=5", "2026-03-29T02:00:00Z", 0)]
    // Fall back, Berlin 2026-10-25 03:00 -> 02:00: 02:30 fires once, in summer time; the window lasts 2.5 h.
    [InlineData("timezone=Europe/Berlin|start=30 2 * * *|end=0 4 * * *|desiredReplicas=5", "2026-10-25T00:29:00Z", 0)]
    [InlineData("timezone=Europe/Berlin|start=30 2 * * *|end=0 4 * * *|desiredReplicas=5", "2026-10-25T00:45:00Z", 5)]
    [InlineData("timezone=Europe/Berlin|start=30 2 * * *|end=0 4 * * *|desiredReplicas=5", "2026-10-25T02:59:00Z", 5)]
    [InlineData("timezone=Europe/Berlin|start=30 2 * * *|end=0 4 * * *|desiredReplicas=5", "2026-10-25T03:00:00Z", 0)]
    // New York, 2026-03-08 (EST -> EDT) and 2026-11-01 (EDT -> EST): 09:00-17:00 local follows the offset.
    [InlineData("timezone=America/New_York|start=0 9 * * *|end=0 17 * * *|desiredReplicas=6", "2026-03-08T13:00:00Z", 6)]
    [InlineData("timezone=America/New_York|start=0 9 * * *|end=0 17 * * *|desiredReplicas=6", "2026-03-08T12:59:00Z", 0)]
    [InlineData("timezone=America/New_York|start=0 9 * * *|end=0 17 * * *|desiredReplicas=6", "2026-11-01T14:00:00Z", 6)]
    [InlineData("timezone=America/New_York|start=0 9 * * *|end=0 17 * * *|desiredReplicas=6", "2026-11-01T13:59:00Z", 0)]
    // An expression's own zone overrides the trigger's.
    [InlineData("timezone=Etc/UTC|start=CRON_TZ=Asia/Tokyo 0 9 * * *|end=CRON_TZ=Asia/Tokyo 0 18 * * *|desiredReplicas=2", "2026-12-03T00:30:00Z", 2)]
    public void Read_AtInstant_DesiredInsideZeroOutside(string metadata, string utc, double expected)
    {
        var reading = At(metadata, DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        reading.Value.ShouldBe(expected);
        reading.Target.ShouldBe(1);
        reading.IsActive.ShouldBe(expected > 0);
        reading.Note.ShouldNotBeNull();
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(0, false)]
    public void Interpret_TracedValue_TargetOneActiveAboveZero(double value, bool active)
    {
        var reading = factory.Interpret(TestTriggers.For("cron", TestTriggers.Parse(Valid), validationOnly: true), value);

        reading.ShouldBe(new MetricReading(value, 1, active));
    }
}
