using System.Reflection;

namespace Crema.Host.Leadership;

/// <summary>
/// Sets the User-Agent of every Google API call to <c>crema/VERSION (writer=ID; term=N)</c> (or <c>standby</c>)
/// while a lease is configured, so Cloud Audit Logs, and the emulator's write log, show which daemon wrote in
/// which term. Without a tag (no lease) requests go out unchanged.
/// </summary>
internal sealed class WriterTagHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private static readonly string Product = "crema/" + (typeof(WriterTagHandler).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0");

    public Func<string?>? Tag { get; set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Tag?.Invoke() is { Length: > 0 } tag)
        {
            // A User-Agent comment may not hold unbalanced parentheses or backslashes.
            var comment = new string([.. tag.Select(c => c is '(' or ')' or '\\' || char.IsControl(c) ? '_' : c)]);
            request.Headers.Remove("User-Agent");
            request.Headers.TryAddWithoutValidation("User-Agent", $"{Product} ({comment})");
        }
        return base.SendAsync(request, cancellationToken);
    }
}
