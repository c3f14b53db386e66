using Crema.Host.Status;

namespace Crema.Host.Http;

/// <summary>The JSON body of /status.</summary>
internal sealed record StatusSnapshot(bool Ready, ConfigStatus Config, IReadOnlyList<ObjectStatus> ScaledObjects);
