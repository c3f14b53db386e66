namespace Crema.Scalers.Gcp.Monitoring;

/// <summary>Every series of a list call after following <c>nextPageToken</c>, and how many requests it took.</summary>
/// <param name="Series">All series of all pages, in the order the API returned them.</param>
/// <param name="Requests">HTTP requests made (one per page).</param>
internal sealed record TimeSeriesList(IReadOnlyList<TimeSeriesData> Series, int Requests);
