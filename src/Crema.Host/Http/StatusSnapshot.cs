using Crema.Host.Status;

namespace Crema.Host.Http;

/// <summary>The JSON body of /status.</summary>
internal sealed record StatusSnapshot(bool Ready, ConfigStatus Config, IReadOnlyList<ObjectStatus> ScaledObjects)
{
    /// <summary>The role of this daemon and who holds the lease; left out when no lease is configured.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Leadership.LeadershipStatus? Leadership { get; init; }
}
