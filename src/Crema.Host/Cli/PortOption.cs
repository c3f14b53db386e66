using System.CommandLine;

namespace Crema.Host.Cli;

/// <summary>A <c>--port</c> option that rejects values outside 0..65535 with one line instead of a stack trace.</summary>
internal static class PortOption
{
    public static T Checked<T>(T option)
        where T : Option
    {
        option.Validators.Add(result =>
        {
            var value = result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;
            if (value is not null && (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port > 65535))
            {
                result.AddError($"--port must be a number from 0 to 65535 (0 picks a free port), found \"{value}\"");
            }
        });
        return option;
    }
}
