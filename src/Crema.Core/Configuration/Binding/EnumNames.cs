namespace Crema.Core.Configuration.Binding;

/// <summary>How enum values are spelled in YAML: as KEDA and Kubernetes spell them (camelCase for fallback behaviors).</summary>
internal static class EnumNames
{
    public static bool IsCamelCase(Type enumType) => enumType == typeof(FallbackBehavior);

    public static string Spell<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Spell(typeof(TEnum), value.ToString());

    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum =>
        [.. Enum.GetNames<TEnum>().Select(n => Spell(typeof(TEnum), n))];

    /// <summary>Parses a name case-insensitively; numbers are refused.</summary>
    public static bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var name in Enum.GetNames<TEnum>())
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                value = Enum.Parse<TEnum>(name);
                return true;
            }
        }
        value = default;
        return false;
    }

    private static string Spell(Type type, string name) => IsCamelCase(type) ? FieldNames.CamelCase(name) : name;
}
