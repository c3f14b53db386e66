namespace Crema.Scalers.NatsJetStream;

/// <summary>What KEDA reads from /varz.</summary>
/// <param name="ServerName">server_name.</param>
/// <param name="ConnectUrls">connect_urls: the client URLs the cluster advertises (empty with no_advertise).</param>
/// <param name="RouteUrls">cluster.urls: the route URLs of the cluster's nodes.</param>
internal sealed record NatsVarz(string ServerName, IReadOnlyList<string> ConnectUrls, IReadOnlyList<string> RouteUrls);
