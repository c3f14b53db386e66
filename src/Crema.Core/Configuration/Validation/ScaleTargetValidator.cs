using System.Text.RegularExpressions;

namespace Crema.Core.Configuration.Validation;

/// <summary>scaleTargetRef.name must be a full Cloud Run worker pool or service resource name.</summary>
internal sealed partial class ScaleTargetValidator : IConfigValidator
{
    private const string Expected = "expected projects/PROJECT/locations/REGION/workerPools/NAME or projects/PROJECT/locations/REGION/services/NAME";

    public void Validate(ValidationContext context)
    {
        foreach (var (scaledObject, path) in context.ScaledObjects())
        {
            var name = scaledObject.Spec.ScaleTargetRef.Name;
            if (name.Length > 0 && Problem(name) is { } problem)
            {
                context.Error(path + ".spec.scaleTargetRef.name", $"\"{name}\" is not a Cloud Run resource name: {problem}");
            }
        }
    }

    /// <summary>Why the name is wrong, or null when it is right.</summary>
    public static string? Problem(string name)
    {
        var parts = name.Split('/');
        if (parts.Length != 6)
        {
            return $"it has {parts.Length} segment(s), not 6; {Expected}";
        }
        if (parts[0] != "projects")
        {
            return $"the first segment must be \"projects\", found \"{parts[0]}\"";
        }
        if (parts[2] != "locations")
        {
            return $"the third segment must be \"locations\", found \"{parts[2]}\"";
        }
        if (parts[4] is not ("workerPools" or "workerpools" or "services"))
        {
            return $"the resource type must be \"workerPools\" or \"services\", found \"{parts[4]}\"";
        }
        if (!ProjectPattern().IsMatch(parts[1]))
        {
            return $"the project \"{parts[1]}\" is not a valid project id or number";
        }
        if (!LocationPattern().IsMatch(parts[3]))
        {
            return $"the location \"{parts[3]}\" is not a valid region (for example us-central1)";
        }
        return NamePattern().IsMatch(parts[5])
            ? null
            : $"the name \"{parts[5]}\" is not valid (lowercase letters, digits and hyphens, starting with a letter)";
    }

    /// <summary>The name with the resource type spelled one way, so both spellings of one target compare equal.</summary>
    public static string Canonical(string name) => name.Replace("/workerpools/", "/workerPools/", StringComparison.Ordinal);

    // Project ids may be domain-scoped ("example.com:my-project"); project numbers are digits.
    [GeneratedRegex("^[a-z0-9][a-z0-9.:-]*[a-z0-9]$")]
    private static partial Regex ProjectPattern();

    [GeneratedRegex("^[a-z]+(-[a-z]+)*[0-9]+$")]
    private static partial Regex LocationPattern();

    [GeneratedRegex("^[a-z]([a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex NamePattern();
}
