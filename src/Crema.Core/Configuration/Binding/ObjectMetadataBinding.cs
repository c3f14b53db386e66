namespace Crema.Core.Configuration.Binding;

/// <summary>Binds a Kubernetes-style <c>metadata</c> block.</summary>
internal static class ObjectMetadataBinding
{
    public static ObjectMetadata Bind(MappingReader reader) => new()
    {
        Name = reader.String("name"),
        Namespace = reader.String("namespace"),
        Annotations = reader.StringMap("annotations"),
        Labels = reader.StringMap("labels"),
    };
}
