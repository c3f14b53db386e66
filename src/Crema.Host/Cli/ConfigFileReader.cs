using Crema.Abstractions;
using Crema.Core.Configuration;
using Crema.Scalers;

namespace Crema.Host.Cli;

/// <summary>Reads and validates a config file for the commands that take <c>--config</c>.</summary>
internal static class ConfigFileReader
{
    /// <summary>Exit code when the file cannot be read.</summary>
    public const int Unreadable = 2;

    /// <summary>Exit code when the file is invalid.</summary>
    public const int Invalid = 1;

    public static ScalerRegistry Scalers { get; } = BuiltInScalers.CreateRegistry();

    /// <summary>Loads the file; on failure writes every error to <paramref name="error"/> and returns the exit code.</summary>
    public static (ConfigLoadResult? Result, int ExitCode) Load(string path, TextWriter error)
    {
        if (Directory.Exists(path))
        {
            error.WriteLine($"{path}: cannot read the config file: it is a directory");
            return (null, Unreadable);
        }
        if (ReadText(path, "the config file", error) is not { } text)
        {
            return (null, Unreadable);
        }
        var result = ConfigLoader.Load(text, path, Scalers);
        foreach (var warning in result.Warnings)
        {
            error.WriteLine($"{warning.File}:{warning.Line}:{warning.Column}: {warning.Path}: warning: {warning.Message}");
        }
        foreach (var diagnostic in result.Errors)
        {
            error.WriteLine(diagnostic.ToString());
        }
        if (!result.IsValid)
        {
            error.WriteLine($"{path}: {result.Errors.Count} error(s)");
        }
        return result.IsValid ? (result, 0) : (result, Invalid);
    }

    /// <summary>Reads an input file; when it cannot be read, says so as <c>PATH: cannot read WHAT: reason</c> and returns null.</summary>
    public static string? ReadText(string path, string what, TextWriter error)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            error.WriteLine($"{path}: cannot read {what}: {e.Message}");
            return null;
        }
    }
}
