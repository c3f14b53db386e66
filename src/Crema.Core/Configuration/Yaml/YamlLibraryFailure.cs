namespace Crema.Core.Configuration.Yaml;

/// <summary>
/// YamlDotNet 16.3 reports some malformed input not with a YamlException but with an InvalidOperationException
/// (its scanner on <c>": {\nk"</c>) or an ArgumentException (its node loader on an unexpected event): both
/// are a broken file, not a bug of Crema's, when they come from inside the library.
/// </summary>
internal static class YamlLibraryFailure
{
    public static bool Is(Exception e) =>
        e is InvalidOperationException or ArgumentException
        && e.TargetSite?.DeclaringType?.Namespace?.StartsWith("YamlDotNet", StringComparison.Ordinal) == true;
}
