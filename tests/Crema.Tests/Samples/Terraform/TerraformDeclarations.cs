namespace Crema.Tests.Samples.Terraform;

/// <summary>
/// What a module declares at its top level, across all its files: variables, locals, resources and data sources
/// (by "TYPE.NAME", with whether they use count or for_each), modules and outputs. Duplicates are reported.
/// </summary>
internal sealed class TerraformDeclarations
{
    private readonly Dictionary<string, string> variables = [];
    private readonly Dictionary<string, string> locals = [];
    private readonly Dictionary<string, Declared> resources = [];
    private readonly Dictionary<string, Declared> dataSources = [];
    private readonly Dictionary<string, string> modules = [];
    private readonly Dictionary<string, string> outputs = [];

    /// <summary>A resource or data source: its type, where it is, and how it repeats.</summary>
    internal sealed record Declared(string Type, string Place, bool Repeated);

    public bool HasVariable(string name) => variables.ContainsKey(name);

    public bool HasLocal(string name) => locals.ContainsKey(name);

    public bool HasModule(string name) => modules.ContainsKey(name);

    public Declared? Resource(string type, string name) => resources.GetValueOrDefault(type + "." + name);

    public Declared? DataSource(string type, string name) => dataSources.GetValueOrDefault(type + "." + name);

    public static TerraformDeclarations Collect(HclModule module, ICollection<string> errors)
    {
        var declarations = new TerraformDeclarations();
        foreach (var file in module.Files)
        {
            foreach (var block in file.Body.Blocks)
            {
                var place = $"{file.Name}:{block.Line}";
                switch (block.Type)
                {
                    case "variable" when block.Labels.Count == 1:
                        Add(declarations.variables, "variable", block.Labels[0], place, place, errors);
                        break;
                    case "module" when block.Labels.Count == 1:
                        Add(declarations.modules, "module", block.Labels[0], place, place, errors);
                        break;
                    case "output" when block.Labels.Count == 1:
                        Add(declarations.outputs, "output", block.Labels[0], place, place, errors);
                        break;
                    case "locals":
                        foreach (var local in block.Body.Attributes)
                        {
                            var localPlace = $"{file.Name}:{local.Line}";
                            Add(declarations.locals, "local value", local.Name, localPlace, localPlace, errors);
                        }
                        break;
                    case "resource" or "data" when block.Labels.Count == 2:
                        var repeated = block.Body.Attributes.Any(a => a.Name is "count" or "for_each");
                        var declared = new Declared(block.Labels[0], place, repeated);
                        Add(block.Type == "resource" ? declarations.resources : declarations.dataSources, block.Type, block.Labels[0] + "." + block.Labels[1], declared, place, errors);
                        break;
                    case "variable" or "module" or "output" or "resource" or "data":
                        var expected = block.Type is "resource" or "data" ? 2 : 1;
                        errors.Add($"{place}: a {block.Type} block takes {expected} label{(expected == 1 ? string.Empty : "s")}, not {block.Labels.Count}");
                        break;
                }
            }
        }
        return declarations;
    }

    private static void Add<T>(Dictionary<string, T> names, string kind, string name, T value, string place, ICollection<string> errors)
        where T : notnull
    {
        if (names.TryGetValue(name, out var first))
        {
            var firstPlace = first is Declared declared ? declared.Place : first.ToString();
            errors.Add($"{place}: {kind} \"{name}\" is declared twice (first at {firstPlace})");
            return;
        }
        names[name] = value;
    }
}
