namespace Crema.Scalers.MetricsApi;

/// <summary>What a YAML scalar decodes to in gopkg.in/yaml.v3, which KEDA reads yaml responses with.</summary>
internal enum YamlScalarKind
{
    Null,
    Bool,
    Integer,
    Float,
    String,
}
