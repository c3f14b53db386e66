using System.CommandLine;
using Crema.Core.Explain;

namespace Crema.Host.Cli;

/// <summary>
/// <c>crema explain --config FILE [--object NAME]</c>: per scaled object, in plain words, what scales it up, down
/// and to zero, with every effective default, then warnings about surprising combinations. Exit codes as validate.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = new Option<string>("--config", "-c") { Description = "The CremaConfig YAML file.", HelpName = "FILE", Required = true };
        var only = new Option<string?>("--object") { Description = "Explain only the scaled object with this name (metadata.name, else the target's last segment).", HelpName = "NAME" };
        var command = new Command("explain", "Say in plain words what scales each scaled object up, down and to zero, with every effective default and warnings.") { config, only };
        command.SetAction(parsed =>
        {
            var (result, exitCode) = ConfigFileReader.Load(parsed.GetValue(config)!, error);
            if (exitCode != 0)
            {
                return exitCode;
            }
            var explanations = ScaledObjectExplainer.Explain(result!.Config!, ConfigFileReader.Scalers);
            var name = parsed.GetValue(only);
            var selected = name is null ? explanations : [.. explanations.Where(e => string.Equals(e.Name, name, StringComparison.Ordinal))];
            if (selected.Count == 0)
            {
                error.WriteLine($"no scaled object named \"{name}\"; the config has: {string.Join(", ", explanations.Select(e => e.Name))}");
                return 1;
            }
            output.Write(Render(selected));
            return 0;
        });
        return command;
    }

    /// <summary>The text <c>crema explain</c> prints: a heading line per object, aligned facts, then warnings.</summary>
    internal static string Render(IReadOnlyList<ObjectExplanation> explanations)
    {
        var text = new System.Text.StringBuilder();
        var width = explanations.SelectMany(e => e.Facts).Max(f => f.Heading.Length);
        foreach (var explanation in explanations)
        {
            text.Append(explanation.Name).Append(": ").Append(explanation.Target).Append('\n');
            foreach (var (heading, fact) in explanation.Facts)
            {
                text.Append("  ").Append(heading.PadRight(width)).Append("  ").Append(fact).Append('\n');
            }
            foreach (var warning in explanation.Warnings)
            {
                text.Append("  warning: ").Append(warning).Append('\n');
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
