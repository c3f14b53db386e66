using System.CommandLine;
using Crema.Core.Configuration;
using Crema.Core.Configuration.Import;

namespace Crema.Host.Cli;

/// <summary>
/// <c>crema import-keda FILE...</c>: KEDA ScaledObject and TriggerAuthentication manifests in, a CremaConfig on
/// standard output; notes and the loader's verdict on standard error. Exit 0 when the result is a valid config,
/// 1 when it is not (it is still printed, to be fixed by hand), 2 when an input cannot be read or converted.
/// </summary>
internal static class ImportKedaCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("FILE") { Description = "KEDA manifests (several documents per file allowed).", Arity = ArgumentArity.OneOrMore };
        var project = new Option<string?>("--project") { Description = "Project of the Cloud Run targets, for scaleTargetRef names that are Kubernetes names.", HelpName = "PROJECT" };
        var region = new Option<string?>("--region") { Description = "Region of the Cloud Run targets, for example us-central1.", HelpName = "REGION" };
        var services = new Option<bool>("--services") { Description = "Targets are Cloud Run services (default: worker pools)." };
        var command = new Command("import-keda", "Convert KEDA ScaledObject and TriggerAuthentication YAML into a CremaConfig (printed), and validate it.")
        {
            files, project, region, services,
        };
        command.SetAction(parsed =>
        {
            var inputs = new List<(string, string)>();
            foreach (var path in parsed.GetValue(files)!)
            {
                try
                {
                    inputs.Add((path, File.ReadAllText(path)));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
                {
                    error.WriteLine($"{path}: cannot read: {e.Message}");
                    return ConfigFileReader.Unreadable;
                }
            }
            var target = new KedaImportTarget(parsed.GetValue(project), parsed.GetValue(region), parsed.GetValue(services) ? "services" : "workerPools");
            var result = KedaImporter.Import(inputs, target);
            foreach (var note in result.Notes)
            {
                error.WriteLine($"note: {note}");
            }
            foreach (var problem in result.Errors)
            {
                error.WriteLine(problem);
            }
            if (result.Errors.Count > 0 || result.Yaml is null)
            {
                return ConfigFileReader.Unreadable;
            }
            output.Write(result.Yaml);
            return Validate(result.Yaml, error);
        });
        return command;
    }

    /// <summary>The converted config judged as <c>crema validate</c> judges a file, so every remaining difference is named.</summary>
    private static int Validate(string yaml, TextWriter error)
    {
        var loaded = ConfigLoader.Load(yaml, "imported", ConfigFileReader.Scalers);
        foreach (var warning in loaded.Warnings)
        {
            error.WriteLine($"{warning.File}:{warning.Line}:{warning.Column}: {warning.Path}: warning: {warning.Message}");
        }
        foreach (var diagnostic in loaded.Errors)
        {
            error.WriteLine(diagnostic.ToString());
        }
        if (!loaded.IsValid)
        {
            error.WriteLine($"imported: {loaded.Errors.Count} error(s) to fix before use");
            return ConfigFileReader.Invalid;
        }
        error.WriteLine($"imported: valid: {ValidateCommand.Describe(loaded.Config!)}");
        return 0;
    }
}
