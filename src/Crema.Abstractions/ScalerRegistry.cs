namespace Crema.Abstractions;

/// <summary>The scaler factories known to this build, looked up by trigger type or alias (case-sensitive, as KEDA).</summary>
public sealed class ScalerRegistry
{
    private readonly Dictionary<string, IScalerFactory> byName = new(StringComparer.Ordinal);
    private readonly List<IScalerFactory> factories = [];

    /// <summary>Registers every factory; throws when two claim the same name.</summary>
    public ScalerRegistry(IEnumerable<IScalerFactory> factories)
    {
        foreach (var factory in factories)
        {
            this.factories.Add(factory);
            foreach (var name in factory.Aliases.Prepend(factory.Type))
            {
                if (!byName.TryAdd(name, factory))
                {
                    throw new InvalidOperationException($"Trigger type '{name}' is registered twice.");
                }
            }
        }
        KnownTypes = byName.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every registered factory, sorted by type.</summary>
    public IReadOnlyList<IScalerFactory> Factories => factories.OrderBy(f => f.Type, StringComparer.Ordinal).ToArray();

    /// <summary>Every accepted trigger type name, sorted.</summary>
    public IReadOnlyList<string> KnownTypes { get; }

    /// <summary>Finds the factory for a trigger type or alias.</summary>
    public bool TryGet(string type, out IScalerFactory factory) => byName.TryGetValue(type, out factory!);
}
