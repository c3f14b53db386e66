using System.Collections.Concurrent;
using System.Reflection;

namespace Crema.Core.Configuration.Binding;

/// <summary>
/// The YAML field names of a config record: the camelCase of its settable properties. Deriving them from
/// the records keeps the loader, the schema and the model in step.
/// </summary>
internal static class FieldNames
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<string>> Cache = new();

    public static IReadOnlyList<string> Of<T>() => Cache.GetOrAdd(typeof(T), static type =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null)
            .Select(p => CamelCase(p.Name))]);

    public static string CamelCase(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
