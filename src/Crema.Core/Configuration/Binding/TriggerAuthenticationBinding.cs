using Crema.Core.Configuration.Yaml;

namespace Crema.Core.Configuration.Binding;

/// <summary>Binds one <c>triggerAuthentications[]</c> item and its sources.</summary>
internal static class TriggerAuthenticationBinding
{
    public static TriggerAuthentication Bind(BindContext context, ConfigNode node, string path)
    {
        var reader = context.Mapping(node, path, FieldNames.Of<TriggerAuthentication>());
        var metadataReader = reader.RequiredChild("metadata", FieldNames.Of<ObjectMetadata>());
        var metadata = ObjectMetadataBinding.Bind(metadataReader);
        if (metadataReader.IsValid && metadata.Name is null)
        {
            metadataReader.ReportMissing("name", "triggers refer to the authentication by this name");
        }
        var spec = reader.RequiredChild("spec", FieldNames.Of<TriggerAuthenticationSpec>(), KedaOnlyFields.AuthenticationSpec);
        return new TriggerAuthentication
        {
            ApiVersion = reader.String("apiVersion"),
            Kind = reader.String("kind"),
            Metadata = metadata,
            Spec = BindSpec(spec),
        };
    }

    private static TriggerAuthenticationSpec BindSpec(MappingReader reader)
    {
        var secretManager = reader.Child("gcpSecretManager", FieldNames.Of<GcpSecretManager>(), unsupported: KedaOnlyFields.GcpSecretManager);
        return new TriggerAuthenticationSpec
        {
            GcpSecretManager = secretManager is null ? null : new GcpSecretManager
            {
                Secrets = [.. secretManager.MappingItems("secrets", FieldNames.Of<GcpSecret>()).Select(BindSecret)],
                PodIdentity = BindPodIdentity(secretManager),
            },
            PodIdentity = BindPodIdentity(reader),
            SecretTargetRef = [.. reader.MappingItems("secretTargetRef", FieldNames.Of<SecretTargetRef>()).Select(BindSecretTargetRef)],
            Env = [.. reader.MappingItems("env", FieldNames.Of<EnvParameter>()).Select(BindEnv)],
            File = [.. reader.MappingItems("file", FieldNames.Of<FileParameter>()).Select(BindFile)],
        };
    }

    private static PodIdentity? BindPodIdentity(MappingReader parent) =>
        parent.Child("podIdentity", FieldNames.Of<PodIdentity>(), unsupported: KedaOnlyFields.PodIdentity) is { } reader
            ? new PodIdentity { Provider = reader.RequiredString("provider"), IdentityId = reader.String("identityId") }
            : null;

    private static GcpSecret BindSecret(MappingReader reader) => new()
    {
        Parameter = reader.RequiredString("parameter"),
        Id = reader.RequiredString("id"),
        Version = reader.String("version") ?? "latest",
    };

    private static SecretTargetRef BindSecretTargetRef(MappingReader reader) => new()
    {
        Parameter = reader.RequiredString("parameter"),
        Name = reader.RequiredString("name"),
        Key = reader.RequiredString("key"),
    };

    private static EnvParameter BindEnv(MappingReader reader) => new()
    {
        Parameter = reader.RequiredString("parameter"),
        Name = reader.RequiredString("name"),
        ContainerName = reader.String("containerName"),
    };

    private static FileParameter BindFile(MappingReader reader) => new()
    {
        Parameter = reader.RequiredString("parameter"),
        Path = reader.RequiredString("path"),
    };
}
