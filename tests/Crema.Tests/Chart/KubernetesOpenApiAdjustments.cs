using System.Text.Json.Nodes;

namespace Crema.Tests.Chart;

/// <summary>
/// What the Kubernetes v1.14.0 OpenAPI document says differently from what the API accepts, and the fields newer
/// than v1.14 that the chart uses (written from the Kubernetes API reference).
/// </summary>
internal static class KubernetesOpenApiAdjustments
{
    private const string Core = "io.k8s.api.core.v1.";

    public static void Apply(JsonObject definitions)
    {
        // Declared as strings with a format; the API takes a JSON number too (replicas: 1, maxSurge: 1, cpu: 1).
        definitions["io.k8s.apimachinery.pkg.util.intstr.IntOrString"] = new JsonObject
        {
            ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" }),
        };
        definitions["io.k8s.apimachinery.pkg.api.resource.Quantity"] = new JsonObject
        {
            ["type"] = new JsonArray("string", "number"),
        };

        // seccompProfile (Kubernetes 1.19) on the pod's and the container's security context.
        definitions[Core + "SeccompProfile"] = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("type"),
            ["properties"] = new JsonObject
            {
                ["type"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("Localhost", "RuntimeDefault", "Unconfined") },
                ["localhostProfile"] = new JsonObject { ["type"] = "string" },
            },
        };
        foreach (var context in new[] { "PodSecurityContext", "SecurityContext" })
        {
            definitions[Core + context]!["properties"]!["seccompProfile"] = new JsonObject { ["$ref"] = "#/definitions/" + Core + "SeccompProfile" };
        }
    }
}
