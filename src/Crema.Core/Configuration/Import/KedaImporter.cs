using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Crema.Core.Configuration.Import;

/// <summary>
/// Converts KEDA manifests (ScaledObject, TriggerAuthentication and ClusterTriggerAuthentication documents, as
/// <c>kubectl apply</c> takes them) into one CremaConfig. Specs are carried over unchanged, so the loader then judges
/// them with KEDA's meaning; only what has no Cloud Run counterpart is left out, each with a note.
/// </summary>
public static partial class KedaImporter
{
    /// <summary>Converts every document of every input, in order. Never throws on bad input.</summary>
    /// <param name="inputs">Each input's name (for messages) and text; a text may hold several documents.</param>
    /// <param name="target">How Kubernetes target names become Cloud Run resource names.</param>
    public static KedaImportResult Import(IEnumerable<(string Name, string Text)> inputs, KedaImportTarget target)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(target);
        var notes = new List<string>();
        var errors = new List<string>();
        var authentications = new YamlSequenceNode();
        var scaledObjects = new YamlSequenceNode();
        foreach (var (name, text) in inputs)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException e)
            {
                errors.Add($"{name}:{e.Start.Line}:{e.Start.Column}: not valid YAML: {e.Message}");
                continue;
            }
            catch (Exception e) when (Yaml.YamlLibraryFailure.Is(e))
            {
                errors.Add($"{name}: not valid YAML: a flow mapping or sequence ({{...}} or [...]) is not closed properly");
                continue;
            }
            foreach (var document in stream.Documents)
            {
                if (document.RootNode is not YamlMappingNode root)
                {
                    continue;
                }
                var where = $"{name}:{root.Start.Line}";
                var kind = Text(root, "kind") ?? string.Empty;
                var objectName = Text(Child(root, "metadata"), "name") ?? "(unnamed)";
                switch (kind)
                {
                    case "ScaledObject":
                        if (ScaledObject(root, objectName, target, where, notes, errors) is { } scaledObject)
                        {
                            scaledObjects.Add(scaledObject);
                        }
                        break;
                    case "TriggerAuthentication" or "ClusterTriggerAuthentication":
                        authentications.Add(Authentication(root));
                        break;
                    case "Secret":
                        notes.Add($"{where}: Secret {objectName} is not imported: secretTargetRef reads each key from the file SECRETS_DIR/{objectName}/KEY; " +
                            $"mount it there (Cloud Run: --update-secrets=/secrets/{objectName}/KEY=SECRET_ID:latest; GKE: a secret volume mounted at /secrets/{objectName})");
                        break;
                    case "ScaledJob":
                        notes.Add($"{where}: ScaledJob {objectName} is not imported: Crema scales Cloud Run worker pools and services, not jobs");
                        break;
                    default:
                        notes.Add($"{where}: {(kind.Length == 0 ? "a document without kind" : $"{kind} {objectName}")} is not imported (only ScaledObject and TriggerAuthentication are)");
                        break;
                }
            }
        }
        // Names and kinds are quoted from the manifests: no control character reaches the terminal.
        return new KedaImportResult(Render(authentications, scaledObjects), [.. notes.Select(Crema.Abstractions.UntrustedText.Escape)],
            [.. errors.Select(Crema.Abstractions.UntrustedText.Escape)]);
    }

    private static YamlMappingNode? ScaledObject(YamlMappingNode root, string name, KedaImportTarget target, string where, List<string> notes, List<string> errors)
    {
        var spec = Child(root, "spec") ?? new YamlMappingNode();
        var targetRef = Child(spec, "scaleTargetRef");
        var targetName = Text(targetRef, "name") ?? name;
        string resource;
        if (targetName.StartsWith("projects/", StringComparison.Ordinal))
        {
            resource = targetName;
        }
        else if (target.Project is { Length: > 0 } project && target.Region is { Length: > 0 } region)
        {
            resource = $"projects/{project}/locations/{region}/{target.ResourceType}/{CloudRunName(targetName)}";
        }
        else
        {
            errors.Add($"{where}: ScaledObject {name}: scaleTargetRef.name \"{targetName}\" is a Kubernetes name; give --project and --region to turn it into projects/PROJECT/locations/REGION/{target.ResourceType}/{CloudRunName(targetName)}");
            return null;
        }
        if (Text(targetRef, "kind") is { } targetKind)
        {
            notes.Add($"{where}: ScaledObject {name}: scaleTargetRef {targetKind} {targetName} becomes {resource}");
        }
        var converted = new YamlMappingNode();
        foreach (var (key, value) in spec.Children)
        {
            converted.Add(key, Text(key) == "scaleTargetRef" ? new YamlMappingNode { { "name", resource } } : value);
        }
        // Keyed on the entry, not on targetRef: a scaleTargetRef that is not a mapping is replaced above, not added twice.
        if (!converted.Children.ContainsKey(new YamlScalarNode("scaleTargetRef")))
        {
            converted.Children.Insert(0, new YamlScalarNode("scaleTargetRef"), new YamlMappingNode { { "name", resource } });
        }
        return new YamlMappingNode { { "metadata", Metadata(root, keepAnnotations: true) }, { "spec", converted } };
    }

    private static YamlMappingNode Authentication(YamlMappingNode root) =>
        new() { { "metadata", Metadata(root, keepAnnotations: false) }, { "spec", Child(root, "spec") ?? new YamlMappingNode() } };

    /// <summary>The name, and for scaled objects the annotations (KEDA's pause annotations act in Crema too).</summary>
    private static YamlMappingNode Metadata(YamlMappingNode root, bool keepAnnotations)
    {
        var metadata = Child(root, "metadata");
        var result = new YamlMappingNode();
        if (Text(metadata, "name") is { } name)
        {
            result.Add("name", name);
        }
        if (keepAnnotations && Child(metadata, "annotations") is { Children.Count: > 0 } annotations)
        {
            result.Add("annotations", annotations);
        }
        return result;
    }

    private static string Render(YamlSequenceNode authentications, YamlSequenceNode scaledObjects)
    {
        var spec = new YamlMappingNode();
        if (authentications.Children.Count > 0)
        {
            spec.Add("triggerAuthentications", authentications);
        }
        spec.Add("scaledObjects", scaledObjects);
        var root = new YamlMappingNode { { "apiVersion", "crema/v1" }, { "kind", "CremaConfig" }, { "spec", spec } };
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString().ReplaceLineEndings("\n");
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    /// <summary>Kubernetes names allow dots and may be long; Cloud Run names are lowercase letters, digits and hyphens.</summary>
    private static string CloudRunName(string name) => NotAllowed().Replace(name.ToLowerInvariant(), "-");

    private static YamlMappingNode? Child(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value as YamlMappingNode : null;

    private static string? Text(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? Text(value) : null;

    private static string? Text(YamlNode node) => node is YamlScalarNode { Value: { } value } ? value : null;

    [GeneratedRegex("[^a-z0-9-]")]
    private static partial Regex NotAllowed();
}
