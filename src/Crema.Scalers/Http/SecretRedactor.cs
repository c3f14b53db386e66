using Crema.Abstractions;
using System.Text;

namespace Crema.Scalers.Http;

/// <summary>
/// Removes credentials from text a server sent back (an echoed request, an error page), in every
/// form Crema sends them: the raw value, URL-encoded (query parameters), base64 (a basic-auth header
/// carries base64("user:password")), and the whole <c>user:password</c> pair.
/// </summary>
internal sealed class SecretRedactor
{
    /// <summary>What replaces a secret.</summary>
    public const string Redacted = "[redacted]";

    private readonly string[] forms;

    /// <summary>Redacts <paramref name="secrets"/> and <paramref name="basicCredentials"/> (username, password) pairs.</summary>
    public SecretRedactor(IEnumerable<string> secrets, IEnumerable<(string User, string? Password)>? basicCredentials = null)
    {
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)))
        {
            AddForms(all, secret);
        }
        foreach (var (user, password) in basicCredentials ?? [])
        {
            AddForms(all, $"{user}:{password}");
            all.Add(HttpAuthentication.EncodedBasic(user, password));
        }
        // Longest first, so a secret containing another is replaced whole.
        forms = all.Where(f => f.Length > 0).OrderByDescending(f => f.Length).ToArray();
    }

    /// <summary>A redactor that removes nothing.</summary>
    public static SecretRedactor None { get; } = new([]);

    /// <summary>The text with every form of every secret replaced by <see cref="Redacted"/>.</summary>
    public string Redact(string text)
    {
        foreach (var form in forms)
        {
            text = text.Replace(form, Redacted, StringComparison.Ordinal);
        }
        // An excerpt may show an echoed secret cut short ("abcd…").
        return CutSecrets.Redact(text, forms, Redacted);
    }

    /// <summary>
    /// The text redacted and escaped for one log line (<see cref="UntrustedText.Escape"/>), and redacted again: escaping
    /// writes a control character as <c>\xNN</c>, whose last hex digit can complete a secret the server split with it
    /// ("f\u007fz..." becomes "f\x7fz...", holding "fz...").
    /// </summary>
    public string Clean(string text) => Redact(UntrustedText.Escape(Redact(text)));

    /// <summary>A redactor that also removes <paramref name="more"/> (a token obtained at run time).</summary>
    public SecretRedactor With(params string[] more) => new(forms.Concat(more));

    private static void AddForms(HashSet<string> into, string secret)
    {
        into.Add(secret);
        into.Add(Uri.EscapeDataString(secret));
        into.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)));
        into.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)).TrimEnd('='));
    }
}
