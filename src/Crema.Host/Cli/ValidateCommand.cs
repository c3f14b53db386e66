using System.CommandLine;
using Crema.Core.Configuration;

namespace Crema.Host.Cli;

/// <summary><c>crema validate --config FILE</c>: 0 and a summary when valid, 1 with every error, 2 when unreadable.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = new Option<string>("--config", "-c") { Description = "The CremaConfig YAML file.", HelpName = "FILE", Required = true };
        var command = new Command("validate", "Check a config file: exit 0 with a summary, or 1 with every error as FILE:LINE:COLUMN: PATH: message.") { config };
        command.SetAction(parsed =>
        {
            var path = parsed.GetValue(config)!;
            var (result, exitCode) = ConfigFileReader.Load(path, error);
            if (exitCode == 0)
            {
                output.WriteLine($"{path}: valid: {Describe(result!.Config!)}");
            }
            return exitCode;
        });
        return command;
    }

    public static string Describe(CremaConfig config)
    {
        var objects = config.Spec.ScaledObjects;
        var types = objects.SelectMany(o => o.Spec.Triggers).Select(t => t.Type).Distinct().Order(StringComparer.Ordinal);
        var triggers = objects.Sum(o => o.Spec.Triggers.Count);
        return $"{objects.Count} scaled object(s), {triggers} trigger(s) ({string.Join(", ", types)}), "
            + $"{config.Spec.TriggerAuthentications.Count} trigger authentication(s)";
    }
}
