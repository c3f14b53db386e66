using Crema.Core.Configuration.Yaml;

namespace Crema.Core.Configuration.Binding;

/// <summary>Binds one <c>scaledObjects[]</c> item.</summary>
internal static class ScaledObjectBinding
{
    public static ScaledObject Bind(BindContext context, ConfigNode node, string path)
    {
        var reader = context.Mapping(node, path, FieldNames.Of<ScaledObject>());
        var metadata = reader.Child("metadata", FieldNames.Of<ObjectMetadata>()) is { } m ? ObjectMetadataBinding.Bind(m) : null;
        return new ScaledObject
        {
            Metadata = metadata,
            Spec = BindSpec(context, reader.RequiredChild("spec", FieldNames.Of<ScaledObjectSpec>())),
            Status = BindStatus(reader),
        };
    }

    /// <summary>KEDA's status is accepted as CREMA accepts it; only its shape is checked, its content is not kept.</summary>
    private static IgnoredContent? BindStatus(MappingReader reader)
    {
        var node = reader.Get("status");
        if (node is null)
        {
            return null;
        }
        if (node is not MappingConfigNode)
        {
            reader.Error("status", $"expected a mapping (KEDA's ScaledObject status, ignored), found {BindContext.Describe(node)}");
            return null;
        }
        return IgnoredContent.Instance;
    }

    private static ScaledObjectSpec BindSpec(BindContext context, MappingReader reader)
    {
        var target = reader.RequiredChild("scaleTargetRef", FieldNames.Of<ScaleTargetRef>());
        var fallback = reader.Child("fallback", FieldNames.Of<Fallback>());
        var advanced = reader.Child("advanced", FieldNames.Of<AdvancedConfig>());
        if (reader.IsValid && !reader.Has("triggers"))
        {
            reader.ReportMissing("triggers", "add at least one trigger");
        }
        return new ScaledObjectSpec
        {
            ScaleTargetRef = new ScaleTargetRef
            {
                Name = target.RequiredString("name"),
                Kind = target.String("kind"),
                ApiVersion = target.String("apiVersion"),
                EnvSourceContainerName = target.String("envSourceContainerName"),
            },
            PollingInterval = reader.Int("pollingInterval"),
            CooldownPeriod = reader.Int("cooldownPeriod"),
            InitialCooldownPeriod = reader.Int("initialCooldownPeriod"),
            IdleReplicaCount = reader.Int("idleReplicaCount"),
            MinReplicaCount = reader.Int("minReplicaCount"),
            MaxReplicaCount = reader.Int("maxReplicaCount"),
            Fallback = fallback is null ? null : BindFallback(fallback),
            Advanced = advanced is null ? null : AdvancedBinding.Bind(advanced),
            Triggers = [.. reader.Sequence("triggers").Select(item => TriggerBinding.Bind(context, item.Node, item.Path))],
        };
    }

    private static Fallback BindFallback(MappingReader reader) => new()
    {
        FailureThreshold = reader.Int("failureThreshold", required: true) ?? 0,
        Replicas = reader.Int("replicas", required: true) ?? 0,
        Behavior = reader.Enum<FallbackBehavior>("behavior") ?? FallbackBehavior.Static,
    };
}
