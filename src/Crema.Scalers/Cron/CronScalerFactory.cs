using Crema.Abstractions;

namespace Crema.Scalers.Cron;

/// <summary>
/// Builds <c>cron</c> scalers: desiredReplicas between a start and an end schedule in a time zone. Schedules
/// and zone are checked when the config is read (KEDA finds a bad zone only at the first poll).
/// </summary>
internal sealed class CronScalerFactory : ScalerFactory<CronMetadata>
{
    public override string Type => "cron";

    /// <inheritdoc />
    public override string Description => "a replica count inside a time window";

    protected override CronMetadata Bind(MetadataBinder binder)
    {
        var zoneName = binder.RequiredString(CronKeys.Timezone);
        var zone = TimeZoneInfo.Utc;
        var zoneKnown = false;
        if (zoneName.Length > 0)
        {
            zoneKnown = TimeZoneLookup.TryFind(zoneName, out zone, out var zoneError);
            binder.Check(zoneKnown, CronKeys.Timezone.Name, zoneError);
        }

        var start = Schedule(binder, CronKeys.Start, zone);
        var end = Schedule(binder, CronKeys.End, zone);
        var desiredReplicas = binder.Long(CronKeys.DesiredReplicas, required: true);

        if (zoneKnown && start is not null && end is not null)
        {
            binder.Check(!end.SameAs(start), CronKeys.End.Name, $"is the same schedule as start (\"{start.Text}\"): the window would never close; give the time it should end");
            var now = binder.Context.TimeProvider.GetUtcNow();
            binder.Check(start.Next(now) is not null, CronKeys.Start.Name, $"\"{start.Text}\" never occurs (a date such as the 30th of February)");
            binder.Check(end.Next(now) is not null, CronKeys.End.Name, $"\"{end.Text}\" never occurs (a date such as the 30th of February)");
        }

        var placeholder = new CronSchedule(string.Empty, zone, ["0 0 1 1 *"]);
        return new CronMetadata(zone, start ?? placeholder, end ?? placeholder, desiredReplicas);
    }

    /// <summary>A raw value of this trigger, as recorded in a trace: desiredReplicas inside the window, 0 outside.</summary>
    protected override MetricReading ToReading(CronMetadata metadata, double value) => metadata.ToReading(value);

    protected override IScaler Create(CronMetadata metadata, ScalerContext context) => new CronScaler(metadata, context.TimeProvider);

    private static CronSchedule? Schedule(MetadataBinder binder, MetadataKey key, TimeZoneInfo zone)
    {
        var text = binder.RequiredString(key);
        if (text.Length == 0)
        {
            return null;
        }
        if (CronScheduleParser.TryParse(text, zone, out var schedule, out var error))
        {
            return schedule;
        }
        binder.Fail(key.Name, error);
        return null;
    }
}
