using Crema.Core.Configuration.Yaml;

namespace Crema.Core.Configuration.Binding;

/// <summary>Binds the document root and <c>spec</c>.</summary>
internal static class ConfigBinding
{
    public const string ApiVersion = "crema/v1";
    public const string Kind = "CremaConfig";

    public static CremaConfig Bind(BindContext context, ConfigNode root)
    {
        var reader = context.Mapping(root, string.Empty, FieldNames.Of<CremaConfig>());
        var apiVersion = Expect(reader, "apiVersion", ApiVersion);
        var kind = Expect(reader, "kind", Kind);
        var metadata = reader.Child("metadata", FieldNames.Of<ObjectMetadata>()) is { } m ? ObjectMetadataBinding.Bind(m) : null;
        return new CremaConfig
        {
            ApiVersion = apiVersion,
            Kind = kind,
            Metadata = metadata,
            Spec = BindSpec(context, reader.RequiredChild("spec", FieldNames.Of<CremaSpec>())),
        };
    }

    private static string Expect(MappingReader reader, string name, string expected)
    {
        if (!reader.Has(name))
        {
            reader.ReportMissing(name, $"add \"{name}: {expected}\" at the top of the file");
            return expected;
        }
        var value = reader.String(name);
        if (value is not null && value != expected)
        {
            reader.Error(name, $"must be \"{expected}\", found \"{BindContext.Shorten(value)}\"");
        }
        return value ?? expected;
    }

    private static CremaSpec BindSpec(BindContext context, MappingReader reader) => new()
    {
        PollingInterval = reader.Int("pollingInterval"),
        TriggerAuthentications = [.. reader.Sequence("triggerAuthentications").Select(item => TriggerAuthenticationBinding.Bind(context, item.Node, item.Path))],
        ScaledObjects = [.. reader.Sequence("scaledObjects").Select(item => ScaledObjectBinding.Bind(context, item.Node, item.Path))],
    };
}
