namespace Crema.Tests.Samples.Terraform;

/// <summary>
/// Checks a resource or data block's body against its provider schema, nested blocks and dynamic blocks
/// included: every argument and block exists (and is written as what it is), none is read-only, the required
/// ones are there, no block is repeated beyond its limit; and the references in every expression resolve.
/// </summary>
internal sealed class ResourceBodyChecker(ReferenceChecker references)
{
    private static readonly HashSet<string> MetaArguments = ["count", "for_each", "depends_on", "provider"];
    private static readonly HashSet<string> LifecycleArguments = ["create_before_destroy", "prevent_destroy", "ignore_changes", "replace_triggered_by"];

    public void Check(string file, HclModule.Block block, ProviderSchema.Block type, ICollection<string> errors)
    {
        var attributes = block.Body.Attributes;
        var scope = ReferenceScope.TopLevel with
        {
            Each = attributes.Any(a => a.Name == "for_each"),
            Count = attributes.Any(a => a.Name == "count"),
        };
        CheckBody(file, block.Line, block.Body, type, $"{block.Labels[0]}.{block.Labels[1]}", scope, topLevel: true, errors);
    }

    private void CheckBody(string file, int line, HclModule.Body body, ProviderSchema.Block type, string path, ReferenceScope scope, bool topLevel, ICollection<string> errors)
    {
        foreach (var attribute in body.Attributes)
        {
            references.Check(file, attribute, scope, errors);
            var at = $"{file}:{attribute.Line}: {path}";
            if (topLevel && MetaArguments.Contains(attribute.Name))
            {
                continue;
            }
            if (type.Attributes.TryGetValue(attribute.Name, out var argument))
            {
                if (argument.ReadOnly)
                {
                    errors.Add($"{at}: \"{attribute.Name}\" is read-only (computed by the provider)");
                }
            }
            else if (type.Blocks.ContainsKey(attribute.Name))
            {
                errors.Add($"{at}: \"{attribute.Name}\" is a block: write {attribute.Name} {{ … }}");
            }
            else
            {
                errors.Add($"{at}: unknown argument \"{attribute.Name}\"");
            }
        }

        var written = new Dictionary<string, (int Static, bool Dynamic)>();
        foreach (var nested in body.Blocks)
        {
            var at = $"{file}:{nested.Line}: {path}";
            if (topLevel && nested.Type == "lifecycle")
            {
                CheckLifecycle(file, nested, path, scope, errors);
                continue;
            }
            if (nested.Type == "dynamic")
            {
                var name = nested.Labels.Count == 1 ? nested.Labels[0] : string.Empty;
                if (!type.Blocks.TryGetValue(name, out var dynamicType))
                {
                    errors.Add($"{at}: dynamic \"{name}\": no such nested block");
                    continue;
                }
                written[name] = (written.GetValueOrDefault(name).Static, true);
                CheckDynamic(file, nested, dynamicType, $"{path}.{name}", scope, errors);
                continue;
            }
            if (type.Blocks.TryGetValue(nested.Type, out var nestedType))
            {
                var count = written.GetValueOrDefault(nested.Type);
                written[nested.Type] = (count.Static + 1, count.Dynamic);
                if (nestedType.ReadOnly)
                {
                    errors.Add($"{at}: \"{nested.Type}\" is read-only (computed by the provider)");
                }
                CheckBody(file, nested.Line, nested.Body, nestedType, $"{path}.{nested.Type}", scope, topLevel: false, errors);
            }
            else if (type.Attributes.ContainsKey(nested.Type))
            {
                errors.Add($"{at}: \"{nested.Type}\" is an argument: write {nested.Type} = …");
            }
            else
            {
                errors.Add($"{at}: unknown block \"{nested.Type}\"");
            }
        }

        var where = $"{file}:{line}: {path}";
        foreach (var (name, argument) in type.Attributes)
        {
            if (argument.Required && body.Attributes.All(a => a.Name != name))
            {
                errors.Add($"{where}: missing required argument \"{name}\"");
            }
        }
        foreach (var (name, nestedType) in type.Blocks)
        {
            var count = written.GetValueOrDefault(name);
            if (nestedType.MustBeWritten && count.Static == 0 && !count.Dynamic)
            {
                errors.Add($"{where}: missing required block \"{name}\"");
            }
            if (nestedType.MaxItems > 0 && count.Static > nestedType.MaxItems)
            {
                errors.Add($"{where}: \"{name}\" is written {count.Static} times, at most {nestedType.MaxItems} allowed");
            }
        }
    }

    private void CheckDynamic(string file, HclModule.Block dynamic, ProviderSchema.Block type, string path, ReferenceScope scope, ICollection<string> errors)
    {
        var iterator = dynamic.Labels[0];
        foreach (var attribute in dynamic.Body.Attributes)
        {
            switch (attribute.Name)
            {
                case "for_each" or "labels":
                    references.Check(file, attribute, scope, errors);
                    break;
                case "iterator":
                    iterator = attribute.References.Count == 1 ? attribute.References[0].Root : iterator;
                    break;
                default:
                    errors.Add($"{file}:{attribute.Line}: {path}: dynamic block takes for_each, iterator and labels, not \"{attribute.Name}\"");
                    break;
            }
        }
        if (dynamic.Body.Attributes.All(a => a.Name != "for_each"))
        {
            errors.Add($"{file}:{dynamic.Line}: {path}: dynamic block without for_each");
        }
        var contents = dynamic.Body.Blocks.Where(b => b.Type == "content").ToList();
        if (contents.Count != 1 || dynamic.Body.Blocks.Count != 1)
        {
            errors.Add($"{file}:{dynamic.Line}: {path}: dynamic block needs exactly one content block and nothing else");
        }
        foreach (var content in contents)
        {
            CheckBody(file, content.Line, content.Body, type, path, scope.WithIterator(iterator), topLevel: false, errors);
        }
    }

    private void CheckLifecycle(string file, HclModule.Block lifecycle, string path, ReferenceScope scope, ICollection<string> errors)
    {
        foreach (var attribute in lifecycle.Body.Attributes)
        {
            if (!LifecycleArguments.Contains(attribute.Name))
            {
                errors.Add($"{file}:{attribute.Line}: {path}.lifecycle: unknown argument \"{attribute.Name}\"");
            }
            else if (attribute.Name != "ignore_changes")
            {
                // ignore_changes lists the resource's own argument names, not references.
                references.Check(file, attribute, scope, errors);
            }
        }
        foreach (var nested in lifecycle.Body.Blocks)
        {
            if (nested.Type is not ("precondition" or "postcondition"))
            {
                errors.Add($"{file}:{nested.Line}: {path}.lifecycle: unknown block \"{nested.Type}\"");
            }
        }
    }
}
