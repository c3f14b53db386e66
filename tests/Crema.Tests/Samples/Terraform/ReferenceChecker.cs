namespace Crema.Tests.Samples.Terraform;

/// <summary>
/// Checks that every reference in an expression resolves (a declared variable, local, resource, data source or
/// module; an attribute the resource type has; each and count only where they exist) and that every function
/// called is one of Terraform's built-in functions.
/// </summary>
internal sealed class ReferenceChecker(TerraformDeclarations declarations, ProviderSchema schema, IReadOnlySet<string> functions)
{
    public void Check(string file, HclModule.Attribute attribute, ReferenceScope scope, ICollection<string> errors)
    {
        foreach (var reference in attribute.References)
        {
            if (Resolve(reference, scope) is { } problem)
            {
                errors.Add($"{file}:{reference.Line}: {problem}");
            }
        }
        foreach (var call in attribute.Functions)
        {
            if (!functions.Contains(call.Name))
            {
                errors.Add($"{file}:{call.Line}: unknown function \"{call.Name}\" (not a Terraform built-in function)");
            }
        }
    }

    private string? Resolve(HclModule.Reference reference, ReferenceScope scope)
    {
        var steps = reference.Steps;
        var first = steps.Count > 0 ? steps[0] : null;
        var text = reference.Root + string.Concat(steps.Select(step => step == "[]" ? "[…]" : "." + step));
        return reference.Root switch
        {
            "var" => first is not null && declarations.HasVariable(first) ? null : $"reference to undeclared variable: {text}",
            "local" => first is not null && declarations.HasLocal(first) ? null : $"reference to undeclared local value: {text}",
            "module" => first is not null && declarations.HasModule(first) ? null : $"reference to undeclared module: {text}",
            "each" => !scope.Each ? $"{text} outside a block with for_each" : first is "key" or "value" ? null : $"{text}: each has key and value",
            "count" => !scope.Count ? $"{text} outside a block with count" : first == "index" ? null : $"{text}: count has index",
            "path" => first is "module" or "root" or "cwd" ? null : $"{text}: path has module, root and cwd",
            "terraform" => first == "workspace" ? null : $"{text}: terraform has workspace",
            "data" => ResolveDataSource(steps, text),
            _ when scope.Iterators.Contains(reference.Root) => first is "key" or "value" ? null : $"{text}: a dynamic block iterator has key and value",
            _ => ResolveResource(reference.Root, steps, text),
        };
    }

    private string? ResolveDataSource(IReadOnlyList<string> steps, string text)
    {
        if (steps.Count < 2 || declarations.DataSource(steps[0], steps[1]) is not { } declared)
        {
            return $"reference to undeclared data source: {text}";
        }
        return ResolveAttribute(declared, schema.DataTypes, steps.Skip(2).ToList(), text);
    }

    private string? ResolveResource(string type, IReadOnlyList<string> steps, string text)
    {
        if (steps.Count == 0 || steps[0] == "[]")
        {
            return $"unknown name \"{type}\" in {text}";
        }
        if (declarations.Resource(type, steps[0]) is not { } declared)
        {
            return $"reference to undeclared resource: {text}";
        }
        return ResolveAttribute(declared, schema.ResourceTypes, steps.Skip(1).ToList(), text);
    }

    private static string? ResolveAttribute(TerraformDeclarations.Declared declared, IReadOnlyDictionary<string, ProviderSchema.Block> types, List<string> rest, string text)
    {
        if (rest.Count == 0)
        {
            return null;
        }
        if (rest[0] == "[]")
        {
            rest.RemoveAt(0);
        }
        else if (declared.Repeated)
        {
            return $"{text}: {declared.Type} at {declared.Place} has count or for_each, so an instance needs an index";
        }
        if (rest.Count == 0 || !types.TryGetValue(declared.Type, out var type))
        {
            return null;
        }
        return rest[0] == "id" || type.Attributes.ContainsKey(rest[0]) || type.Blocks.ContainsKey(rest[0])
            ? null
            : $"{text}: {declared.Type} has no attribute \"{rest[0]}\"";
    }
}
