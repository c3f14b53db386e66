using System.Globalization;
using Crema.Google.CloudRun;

namespace Crema.Host.Emulator;

/// <summary>
/// Parses the CLI's <c>--worker-pool NAME=COUNT</c> and <c>--service NAME=COUNT</c> values. A bare
/// NAME becomes <c>projects/{defaultProject}/locations/{defaultLocation}/workerPools/NAME</c> (or services).
/// </summary>
public static class EmulatorTargetSpec
{
    /// <summary>Project used for bare names: "demo".</summary>
    public const string DefaultProject = "demo";

    /// <summary>Location used for bare names: "us-central1".</summary>
    public const string DefaultLocation = "us-central1";

    /// <summary>Parses a worker pool spec; throws <see cref="FormatException"/> with the expected form.</summary>
    public static KeyValuePair<string, int> ParseWorkerPool(string spec) => Parse(spec, "workerPools");

    /// <summary>Parses a service spec; throws <see cref="FormatException"/> with the expected form.</summary>
    public static KeyValuePair<string, int> ParseService(string spec) => Parse(spec, "services");

    private static KeyValuePair<string, int> Parse(string spec, string collection)
    {
        var equals = spec?.LastIndexOf('=') ?? -1;
        if (spec is null || equals <= 0
            || !int.TryParse(spec.AsSpan(equals + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new FormatException($"\"{spec}\" is not NAME=COUNT (e.g. my-pool=2 or projects/p/locations/l/{collection}/my-pool=2).");
        }

        var name = spec[..equals].Trim();
        if (!name.Contains('/', StringComparison.Ordinal))
        {
            name = $"projects/{DefaultProject}/locations/{DefaultLocation}/{collection}/{name}";
        }

        var expectedKind = collection == "services" ? CloudRunTargetKind.Service : CloudRunTargetKind.WorkerPool;
        if (!CloudRunResourceName.TryParse(name, out var canonical) || canonical.Kind != expectedKind)
        {
            throw new FormatException($"\"{name}\" is not a {collection} resource name; expected NAME=COUNT with NAME projects/P/locations/L/{collection}/ID or a bare ID.");
        }

        return new KeyValuePair<string, int>(canonical.Name, count);
    }
}
