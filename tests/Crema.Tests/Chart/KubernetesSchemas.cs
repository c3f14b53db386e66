using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Crema.Tests.Support;

namespace Crema.Tests.Chart;

/// <summary>
/// The schemas a rendered object must satisfy, chosen by apiVersion and kind: Kubernetes' own types from the
/// OpenAPI (Swagger 2.0) document of Kubernetes v1.14.0 that Debian's golang-k8s-kube-openapi-dev ships as test
/// data, and the two monitoring CRDs from Schemas/ (see Schemas/README.md). Made strict as the API server's
/// strict field validation is: an unknown field is an error (additionalProperties: false on every object with
/// properties), and Kubernetes' int-or-string and quantity types take numbers too, as the API does.
/// </summary>
internal sealed class KubernetesSchemas
{
    public const string OpenApiPath = "/usr/share/gocode/src/k8s.io/kube-openapi/test/integration/testdata/aggregator/openapi.json";
    public const string OpenApiVersion = "v1.14.0";

    private const string Draft07 = "http://json-schema.org/draft-07/schema#";
    private const string KubernetesUri = "https://crema.invalid/kubernetes-openapi.json";
    private const string ObjectMeta = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    private static readonly Lazy<KubernetesSchemas> Shared = new(() => new KubernetesSchemas());
    private static readonly string CrdDirectory = Path.Combine(RepositoryRoot.Path, "tests", "Crema.Tests", "Chart", "Schemas");

    /// <summary>The CRD schemas in Schemas/, by (apiVersion, kind).</summary>
    private static readonly Dictionary<(string ApiVersion, string Kind), string> CustomResources = new()
    {
        [("monitoring.coreos.com/v1", "ServiceMonitor")] = "servicemonitor-v1.json",
        [("monitoring.googleapis.com/v1", "PodMonitoring")] = "podmonitoring-v1.json",
    };

    private readonly BuildOptions build = new() { SchemaRegistry = new SchemaRegistry() };
    private readonly Dictionary<(string ApiVersion, string Kind), string> definitionByKind = [];
    private readonly ConcurrentDictionary<(string ApiVersion, string Kind), JsonSchema> schemas = new();
    private readonly object buildLock = new();

    private KubernetesSchemas()
    {
        var openApi = JsonNode.Parse(File.ReadAllText(OpenApiPath))!.AsObject();
        var definitions = openApi["definitions"]!.AsObject();
        foreach (var (name, definition) in definitions)
        {
            foreach (var gvk in definition!["x-kubernetes-group-version-kind"]?.AsArray() ?? [])
            {
                var group = gvk!["group"]!.GetValue<string>();
                var version = gvk["version"]!.GetValue<string>();
                definitionByKind[(group.Length == 0 ? version : $"{group}/{version}", gvk["kind"]!.GetValue<string>())] = name;
            }
        }
        KubernetesOpenApiAdjustments.Apply(definitions);
        StrictSchema.CloseObjects(definitions);
        var root = new JsonObject { ["$schema"] = Draft07, ["definitions"] = definitions.DeepClone() };
        JsonSchema.FromText(root.ToJsonString(), build, new Uri(KubernetesUri));
    }

    public static KubernetesSchemas Instance => Shared.Value;

    /// <summary>Every way <paramref name="manifest"/> breaks its kind's schema, each as "kind/name location: message".</summary>
    public IReadOnlyList<string> Validate(JsonElement manifest)
    {
        var apiVersion = manifest.TryGetProperty("apiVersion", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()! : "";
        var kind = manifest.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : "";
        var name = manifest.TryGetProperty("metadata", out var m) && m.TryGetProperty("name", out var n) ? n.ToString() : "?";
        if (SchemaFor(apiVersion, kind) is not { } schema)
        {
            return [$"{kind}/{name}: no schema for apiVersion \"{apiVersion}\" kind \"{kind}\""];
        }
        return SchemaErrors.Of(schema, manifest).Select(e => $"{kind}/{name} {e}").ToArray();
    }

    private JsonSchema? SchemaFor(string apiVersion, string kind)
    {
        var key = (apiVersion, kind);
        if (schemas.TryGetValue(key, out var known))
        {
            return known;
        }
        JsonObject document;
        if (definitionByKind.TryGetValue(key, out var definition))
        {
            document = new JsonObject { ["$ref"] = $"{KubernetesUri}#/definitions/{definition}" };
        }
        else if (CustomResources.TryGetValue(key, out var file))
        {
            document = JsonNode.Parse(File.ReadAllText(Path.Combine(CrdDirectory, file)))!.AsObject();
            StrictSchema.Close(document);
            // The API server checks a custom resource's metadata as any object's.
            document["properties"]!["metadata"] = new JsonObject { ["$ref"] = $"{KubernetesUri}#/definitions/{ObjectMeta}" };
        }
        else
        {
            return null;
        }
        document["$schema"] = Draft07;
        lock (buildLock)
        {
            var schema = JsonSchema.FromText(document.ToJsonString(), build, new Uri($"https://crema.invalid/{apiVersion}/{kind}.json"));
            return schemas.GetOrAdd(key, schema);
        }
    }
}
