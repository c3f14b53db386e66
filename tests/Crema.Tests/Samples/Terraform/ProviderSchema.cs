using System.Text.Json;
using Crema.Tests.Support;

namespace Crema.Tests.Samples.Terraform;

/// <summary>
/// The argument schema of the google provider's resource types the module uses
/// (tests/terraform-check/google-provider-schema.json, extracted from the provider's source at <see cref="Version"/>).
/// </summary>
internal sealed record ProviderSchema(string Version, string Source, IReadOnlyDictionary<string, ProviderSchema.Block> ResourceTypes, IReadOnlyDictionary<string, ProviderSchema.Block> DataTypes)
{
    public static readonly string FixturePath = Path.Combine(RepositoryRoot.Path, "tests", "terraform-check", "google-provider-schema.json");

    /// <summary>A resource, or a nested block: Nesting is single (the resource itself), list or set.</summary>
    internal sealed record Block(
        string Nesting,
        int MinItems,
        int MaxItems,
        bool Required,
        bool Optional,
        bool Computed,
        IReadOnlyDictionary<string, Attribute> Attributes,
        IReadOnlyDictionary<string, Block> Blocks)
    {
        /// <summary>A block the configuration must write at least once.</summary>
        public bool MustBeWritten => Required || MinItems > 0;

        /// <summary>Computed and neither required nor optional: set by the provider only.</summary>
        public bool ReadOnly => Computed && !Required && !Optional;
    }

    internal sealed record Attribute(string Type, bool Required, bool Optional, bool Computed)
    {
        public bool ReadOnly => Computed && !Required && !Optional;
    }

    public static ProviderSchema Load() =>
        JsonSerializer.Deserialize<ProviderSchema>(System.IO.File.ReadAllText(FixturePath), TerraformJson.Options)
        ?? throw new InvalidOperationException(FixturePath + " is empty");
}
