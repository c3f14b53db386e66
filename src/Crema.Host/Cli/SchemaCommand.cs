using System.CommandLine;
using Crema.Core.Configuration;

namespace Crema.Host.Cli;

/// <summary><c>crema schema</c>: prints the JSON Schema of CremaConfig for editors.</summary>
internal static class SchemaCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("schema", "Print the JSON Schema of the config file (checked in as docs/crema.schema.json).");
        command.SetAction(_ =>
        {
            output.WriteLine(ConfigSchema.Generate());
            return 0;
        });
        return command;
    }
}
