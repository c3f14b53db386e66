using System.Text;
using Crema.Tests.Configuration;

namespace Crema.Tests.Fuzzing;

/// <summary>
/// What every message a fuzzed parser gives must satisfy: one safe log line (no raw control character, line
/// separator or bidi control) holding none of the credentials planted in the trigger and echoed in the replies,
/// in any form Crema sends them (raw, URL-encoded, base64, basic auth's base64 of user:password).
/// </summary>
internal static class FuzzOracle
{
    /// <summary>The user of the planted basic-auth credentials.</summary>
    public const string User = "fuzz-user";

    /// <summary>The planted secret: a password, token or key, with characters that URL-encode and base64 differently.</summary>
    public const string Secret = "fz-S3cret/9+q=Zk";

    private static readonly string[] SecretForms =
    [
        Secret,
        Uri.EscapeDataString(Secret),
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret)).TrimEnd('='),
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Secret}")).TrimEnd('='),
    ];

    /// <summary>Null when <paramref name="text"/> is safe to show; else what is wrong with it.</summary>
    public static string? Check(string text, string what)
    {
        if (!UntrustedConfigTextTests.IsClean(text))
        {
            return $"{what} carries a control character: {text}";
        }
        return SecretForms.FirstOrDefault(f => text.Contains(f, StringComparison.Ordinal)) is { } form
            ? $"{what} shows the planted secret ({form}): {text}"
            : null;
    }
}
