using System.Globalization;
using Crema.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crema.Tests.Scalers.Gcp;

/// <summary>
/// A fake of Cloud Monitoring v3 <c>GET /v3/projects/{project}/timeSeries</c> on 127.0.0.1 and a free
/// port. Point CREMA_MONITORING_ENDPOINT at <see cref="BaseUrl"/>. It answers with the API's JSON
/// shapes, filters series like the API, pages with nextPageToken, and can be told to fail.
/// </summary>
internal sealed class FakeMonitoringServer : IAsyncDisposable
{
    private readonly object gate = new();
    private readonly List<FakeSeries> series = [];
    private readonly Queue<(int Status, string Body)> canned = new();
    private readonly List<FakeMonitoringRequest> requests = [];
    private readonly TimeProvider clock;
    private LoopbackWebApp? app;

    private FakeMonitoringServer(TimeProvider clock) => this.clock = clock;

    /// <summary>Base URL, for example http://127.0.0.1:41234/ (ends with a slash).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Series per page; smaller values force pagination. Default 100.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Empty pages (with a nextPageToken) sent before the data, as the real API sometimes does. Default 0.</summary>
    public int LeadingEmptyPages { get; set; }

    /// <summary>How far behind the request time live values are stamped (Cloud Monitoring lags 1-3 minutes). Default 0.</summary>
    public TimeSpan Lag { get; set; }

    /// <summary>
    /// Run before each answer, outside the fake's lock: lets a test set live values from the state of the moment, such
    /// as a pool's utilization from its current instance count. Default none.
    /// </summary>
    public Func<Task>? BeforeAnswer { get; set; }

    /// <summary>Every request received so far.</summary>
    public IReadOnlyList<FakeMonitoringRequest> Requests
    {
        get { lock (gate) { return requests.ToArray(); } }
    }

    /// <summary>Starts the fake; <paramref name="clock"/> stamps live values (default: the system clock).</summary>
    public static async Task<FakeMonitoringServer> StartAsync(TimeProvider? clock = null)
    {
        var server = new FakeMonitoringServer(clock ?? TimeProvider.System);
        server.app = await LoopbackWebApp.StartAsync(app =>
            app.MapGet("/v3/projects/{project}/timeSeries", async (HttpContext http, string project) =>
            {
                if (server.BeforeAnswer is { } before)
                {
                    await before();
                }
                return server.Handle(http, project);
            }));
        server.BaseUrl = new Uri(server.app.BaseAddress + "/");
        return server;
    }

    /// <summary>Sets the live backlog (num_undelivered_messages) of a subscription; reported on every later request.</summary>
    public void SetSubscriptionBacklog(string project, string subscription, long messages) =>
        SetLiveValue(project, "pubsub.googleapis.com/subscription/num_undelivered_messages", "pubsub_subscription",
            new Dictionary<string, string> { ["subscription_id"] = subscription }, messages);

    /// <summary>Sets the live depth (tasks) of a Cloud Tasks queue.</summary>
    public void SetQueueDepth(string project, string location, string queue, long tasks) =>
        SetLiveValue(project, "cloudtasks.googleapis.com/queue/depth", "cloud_tasks_queue",
            new Dictionary<string, string> { ["queue_id"] = queue, ["location"] = location }, tasks);

    /// <summary>Sets a live value of any series (project_id is added to the resource labels).</summary>
    public void SetLiveValue(string project, string metricType, string resourceType, IReadOnlyDictionary<string, string> resourceLabels, double value, string valueType = "INT64")
    {
        lock (gate)
        {
            GetOrAdd(project, metricType, resourceType, resourceLabels, valueType).LiveValue = value;
        }
    }

    /// <summary>
    /// Sets the live value of a DELTA DISTRIBUTION series, such as run.googleapis.com/container/cpu/utilizations: each
    /// point is a distribution of <paramref name="samples"/> values with this <paramref name="mean"/>.
    /// </summary>
    public void SetLiveDistribution(string project, string metricType, string resourceType, IReadOnlyDictionary<string, string> resourceLabels, double mean, long samples)
    {
        lock (gate)
        {
            var found = GetOrAdd(project, metricType, resourceType, resourceLabels, "DISTRIBUTION", "DELTA");
            found.LiveValue = mean;
            found.SampleCount = samples;
        }
    }

    /// <summary>Adds an explicit point to a series (project_id is added to the resource labels).</summary>
    public void AddPoint(string project, string metricType, string resourceType, IReadOnlyDictionary<string, string> resourceLabels, DateTimeOffset endTime, double value, string valueType = "INT64")
    {
        lock (gate)
        {
            GetOrAdd(project, metricType, resourceType, resourceLabels, valueType).Points.Add((endTime, value));
        }
    }

    /// <summary>Removes every series (the next list is empty).</summary>
    public void ClearSeries()
    {
        lock (gate) { series.Clear(); }
    }

    /// <summary>Answers the next request with an API error, e.g. (403, "PERMISSION_DENIED", "Permission monitoring.timeSeries.list denied").</summary>
    public void EnqueueError(int httpStatus, string status, string message) =>
        EnqueueRaw(httpStatus, FakeMonitoringJson.Error(httpStatus, status, message));

    /// <summary>Answers the next request with this status and body, verbatim.</summary>
    public void EnqueueRaw(int httpStatus, string body)
    {
        lock (gate) { canned.Enqueue((httpStatus, body)); }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    private FakeSeries GetOrAdd(string project, string metricType, string resourceType, IReadOnlyDictionary<string, string> labels, string valueType, string metricKind = "GAUGE")
    {
        var all = new Dictionary<string, string>(labels) { ["project_id"] = project };
        var existing = series.FirstOrDefault(s => s.MetricType == metricType && s.ResourceType == resourceType
            && s.ResourceLabels.Count == all.Count && all.All(l => s.ResourceLabels.TryGetValue(l.Key, out var v) && v == l.Value));
        if (existing is not null)
        {
            return existing;
        }
        var created = new FakeSeries { MetricType = metricType, ResourceType = resourceType, ResourceLabels = all, ValueType = valueType, MetricKind = metricKind };
        series.Add(created);
        return created;
    }

    private IResult Handle(HttpContext http, string project)
    {
        var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        lock (gate)
        {
            requests.Add(new FakeMonitoringRequest(project, query, http.Request.Headers.Authorization.FirstOrDefault()));
            if (canned.TryDequeue(out var answer))
            {
                return Results.Text(answer.Body, "application/json; charset=UTF-8", statusCode: answer.Status);
            }
            return Answer(project, query);
        }
    }

    private IResult Answer(string project, Dictionary<string, string> query)
    {
        var filter = FakeMonitoringFilter.Parse(query.GetValueOrDefault("filter"), out var filterError);
        if (filter is null)
        {
            return BadRequest(filterError);
        }
        if (!TryTime(query, "interval.endTime", out var end) || !TryTime(query, "interval.startTime", out var start) || start > end)
        {
            return BadRequest("interval.startTime and interval.endTime must be RFC 3339 timestamps with start <= end.");
        }
        if (FakeMonitoringAggregation.Check(query) is { } aggregationError)
        {
            return BadRequest(aggregationError);
        }
        var matched = series
            .Where(s => s.ResourceLabels.TryGetValue("project_id", out var p) && p == project && filter.Matches(s))
            .Select(s => (Series: s, Points: (IReadOnlyList<(DateTimeOffset EndTime, double Value)>)PointsIn(s, start, end)))
            .Where(s => s.Points.Count > 0)
            .ToList();
        matched = FakeMonitoringAggregation.Reduce(query, matched, end);
        return Paginate(matched, query.GetValueOrDefault("pageToken"));
    }

    private IResult Paginate(List<(FakeSeries Series, IReadOnlyList<(DateTimeOffset EndTime, double Value)> Points)> matched, string? pageToken)
    {
        // Token "e{n}" = the n-th leading empty page; "o{n}" = data from offset n.
        var offset = 0;
        if (pageToken is { Length: > 1 } && int.TryParse(pageToken[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            if (pageToken[0] == 'e' && n < LeadingEmptyPages)
            {
                return Json(FakeMonitoringJson.Page([], $"e{n + 1}"));
            }
            offset = pageToken[0] == 'o' ? n : 0;
        }
        else if (pageToken is not null)
        {
            return BadRequest("Invalid page token.");
        }
        else if (LeadingEmptyPages > 0)
        {
            return Json(FakeMonitoringJson.Page([], "e1"));
        }
        var page = matched.Skip(offset).Take(PageSize).ToList();
        var next = offset + page.Count < matched.Count ? $"o{offset + page.Count}" : null;
        return Json(FakeMonitoringJson.Page(page, next));
    }

    private List<(DateTimeOffset EndTime, double Value)> PointsIn(FakeSeries s, DateTimeOffset start, DateTimeOffset end)
    {
        var points = new List<(DateTimeOffset EndTime, double Value)>(s.Points);
        if (s.LiveValue is { } live)
        {
            var now = clock.GetUtcNow();
            points.Add(((now < end ? now : end) - Lag, live));
        }
        // Reads are the half-open interval (start, end], newest first.
        return points.Where(p => p.EndTime > start && p.EndTime <= end).OrderByDescending(p => p.EndTime).ToList();
    }

    private static bool TryTime(Dictionary<string, string> query, string name, out DateTimeOffset time)
    {
        time = default;
        return query.TryGetValue(name, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }

    private static IResult BadRequest(string message) =>
        Results.Text(FakeMonitoringJson.Error(400, "INVALID_ARGUMENT", message), "application/json; charset=UTF-8", statusCode: 400);

    private static IResult Json(string body) => Results.Text(body, "application/json; charset=UTF-8");
}
