using Crema.Host.Status;

namespace Crema.Host.Http;

/// <summary>The JSON body of /status/objects/{name}: the object as on /status, and its last hour.</summary>
internal sealed record ObjectDetail(ObjectStatus ScaledObject, HistorySnapshot History);
