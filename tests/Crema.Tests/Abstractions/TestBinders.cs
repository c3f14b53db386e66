using Crema.Abstractions;

namespace Crema.Tests.Abstractions;

/// <summary>Binders over hand-written trigger contexts.</summary>
internal static class TestBinders
{
    public static MetadataBinder Create(
        IReadOnlyDictionary<string, string>? metadata = null,
        IReadOnlyDictionary<string, string>? authParams = null,
        bool validationOnly = false,
        IReadOnlyDictionary<string, string>? environment = null) => new(new ScalerContext
        {
            TriggerType = "test",
            TriggerName = "0",
            ScaledObjectName = "worker",
            Metadata = metadata ?? new Dictionary<string, string>(),
            AuthParams = authParams ?? new Dictionary<string, string>(),
            ValidationOnly = validationOnly,
            Environment = name => environment?.GetValueOrDefault(name),
        });

    public static MetadataBinder With(string key, string value) => Create(new Dictionary<string, string> { [key] = value });
}
