using System.Text.Json;

namespace Crema.Tests.Samples.Terraform;

/// <summary>How the JSON the Go tools print maps to the records here (snake_case names).</summary>
internal static class TerraformJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
