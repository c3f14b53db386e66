using Crema.Tests.Support;

namespace Crema.Tests.Samples.Terraform;

/// <summary>
/// Checks a Terraform module without Terraform: HCL syntax (HashiCorp's parser), then every top-level block,
/// resources against the google provider's schema, references and functions. Reports every problem found,
/// each as "file:line: message"; an empty list means the module passed.
/// </summary>
internal sealed class TerraformModuleChecker(ProviderSchema schema, IReadOnlySet<string> functions)
{
    private static readonly HashSet<string> VariableArguments = ["type", "description", "default", "sensitive", "nullable", "ephemeral"];
    private static readonly HashSet<string> OutputArguments = ["value", "description", "sensitive", "depends_on", "ephemeral"];
    private static readonly HashSet<string> OtherTopLevelBlocks = ["terraform", "provider", "module", "moved", "import", "removed"];

    /// <summary>The checker with the fixtures in tests/terraform-check.</summary>
    public static TerraformModuleChecker FromFixtures()
    {
        var functionsFile = Path.Combine(RepositoryRoot.Path, "tests", "terraform-check", "terraform-functions.txt");
        var names = File.ReadAllLines(functionsFile).Where(line => line.Length > 0 && !line.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
        return new TerraformModuleChecker(ProviderSchema.Load(), names);
    }

    /// <summary>Parses and checks every *.tf file in <paramref name="directory"/>.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(string directory) => Check(await HclParser.ParseAsync(directory).ConfigureAwait(false));

    public IReadOnlyList<string> Check(HclModule module)
    {
        var errors = new List<string>();
        if (module.Diagnostics.Count > 0)
        {
            // A file that does not parse hides its declarations: checking the others would only add noise.
            errors.AddRange(module.Diagnostics.Select(d => $"{d.File}:{d.Line}:{d.Column}: {d.Summary}: {d.Detail}"));
            return errors;
        }
        var declarations = TerraformDeclarations.Collect(module, errors);
        var references = new ReferenceChecker(declarations, schema, functions);
        var bodies = new ResourceBodyChecker(references);
        foreach (var file in module.Files)
        {
            foreach (var attribute in file.Body.Attributes)
            {
                errors.Add($"{file.Name}:{attribute.Line}: \"{attribute.Name}\": a module's top level holds blocks only");
            }
            foreach (var block in file.Body.Blocks)
            {
                CheckTopLevel(file.Name, block, references, bodies, errors);
            }
        }
        return errors;
    }

    private void CheckTopLevel(string file, HclModule.Block block, ReferenceChecker references, ResourceBodyChecker bodies, List<string> errors)
    {
        var at = $"{file}:{block.Line}";
        switch (block.Type)
        {
            case "resource" or "data" when block.Labels.Count == 2:
                var types = block.Type == "resource" ? schema.ResourceTypes : schema.DataTypes;
                if (types.TryGetValue(block.Labels[0], out var type))
                {
                    bodies.Check(file, block, type, errors);
                }
                else
                {
                    errors.Add($"{at}: unknown {(block.Type == "resource" ? "resource" : "data source")} type \"{block.Labels[0]}\" (not in the google provider {schema.Version} schema fixture)");
                }
                break;
            case "variable" when block.Labels.Count == 1:
                CheckVariable(file, block, references, errors);
                break;
            case "output" when block.Labels.Count == 1:
                CheckArguments(file, block, OutputArguments, ["value"], references, errors);
                break;
            case "locals":
                foreach (var attribute in block.Body.Attributes)
                {
                    references.Check(file, attribute, ReferenceScope.TopLevel, errors);
                }
                break;
            case "check":
                CheckAssertions(file, block, references, errors);
                break;
            case "resource" or "data" or "variable" or "output":
                break;   // wrong label count, reported with the declarations
            default:
                if (!OtherTopLevelBlocks.Contains(block.Type))
                {
                    errors.Add($"{at}: unknown top-level block \"{block.Type}\"");
                }
                break;
        }
    }

    private static void CheckVariable(string file, HclModule.Block block, ReferenceChecker references, List<string> errors)
    {
        // A type constraint (list(string)) is no expression: its words are neither references nor functions.
        foreach (var attribute in block.Body.Attributes.Where(a => a.Name != "type"))
        {
            references.Check(file, attribute, ReferenceScope.TopLevel, errors);
        }
        foreach (var attribute in block.Body.Attributes.Where(a => !VariableArguments.Contains(a.Name)))
        {
            errors.Add($"{file}:{attribute.Line}: variable \"{block.Labels[0]}\": unknown argument \"{attribute.Name}\"");
        }
        foreach (var required in new[] { "type", "description" }.Where(name => block.Body.Attributes.All(a => a.Name != name)))
        {
            errors.Add($"{file}:{block.Line}: variable \"{block.Labels[0]}\" has no {required}");
        }
        foreach (var nested in block.Body.Blocks)
        {
            if (nested.Type != "validation")
            {
                errors.Add($"{file}:{nested.Line}: variable \"{block.Labels[0]}\": unknown block \"{nested.Type}\"");
                continue;
            }
            CheckArguments(file, nested, ["condition", "error_message"], ["condition", "error_message"], references, errors);
        }
    }

    private static void CheckAssertions(string file, HclModule.Block check, ReferenceChecker references, List<string> errors)
    {
        var asserts = check.Body.Blocks.Where(b => b.Type == "assert").ToList();
        if (asserts.Count == 0)
        {
            errors.Add($"{file}:{check.Line}: check block without an assert");
        }
        foreach (var assert in asserts)
        {
            CheckArguments(file, assert, ["condition", "error_message"], ["condition", "error_message"], references, errors);
        }
        foreach (var other in check.Body.Blocks.Where(b => b.Type is not ("assert" or "data")))
        {
            errors.Add($"{file}:{other.Line}: check block: unknown block \"{other.Type}\"");
        }
    }

    private static void CheckArguments(string file, HclModule.Block block, HashSet<string> allowed, IReadOnlyList<string> required, ReferenceChecker references, List<string> errors)
    {
        var name = string.Join(' ', new[] { block.Type }.Concat(block.Labels.Select(label => $"\"{label}\"")));
        foreach (var attribute in block.Body.Attributes)
        {
            references.Check(file, attribute, ReferenceScope.TopLevel, errors);
            if (!allowed.Contains(attribute.Name))
            {
                errors.Add($"{file}:{attribute.Line}: {name}: unknown argument \"{attribute.Name}\"");
            }
        }
        foreach (var missing in required.Where(r => block.Body.Attributes.All(a => a.Name != r)))
        {
            errors.Add($"{file}:{block.Line}: {name}: missing required argument \"{missing}\"");
        }
    }
}
