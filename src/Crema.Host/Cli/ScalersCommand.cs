using System.CommandLine;
using Crema.Abstractions;
using Crema.Scalers;

namespace Crema.Host.Cli;

/// <summary><c>crema scalers</c>: the trigger types of this build, from the scaler registry itself.</summary>
internal static class ScalersCommand
{
    public static Command Create(TextWriter output)
    {
        var markdown = new Option<bool>("--markdown") { Description = "Print a Markdown table linking each type's page under docs/scalers/." };
        var command = new Command("scalers", "List the trigger types this build supports, with their aliases and documentation page.") { markdown };
        command.SetAction(result =>
        {
            Write(output, BuiltInScalers.CreateRegistry(), result.GetValue(markdown));
            return 0;
        });
        return command;
    }

    /// <summary>Writes one line (or table row) per factory, sorted by type.</summary>
    internal static void Write(TextWriter output, ScalerRegistry registry, bool markdown)
    {
        var factories = registry.Factories;
        if (markdown)
        {
            output.WriteLine("| `type` | source | page |");
            output.WriteLine("|---|---|---|");
            foreach (var factory in factories)
            {
                var names = string.Join(", ", factory.Aliases.Prepend(factory.Type).Select(n => $"`{n}`"));
                output.WriteLine($"| {names} | {factory.Description} | [{factory.DocumentationPage}](scalers/{factory.DocumentationPage}.md) |");
            }
            return;
        }
        var width = factories.Max(f => Names(f).Length);
        foreach (var factory in factories)
        {
            output.WriteLine($"{Names(factory).PadRight(width)}  {factory.Description} (docs/scalers/{factory.DocumentationPage}.md)");
        }
    }

    private static string Names(IScalerFactory factory) =>
        factory.Aliases.Count == 0 ? factory.Type : $"{factory.Type} ({string.Join(", ", factory.Aliases)})";
}
