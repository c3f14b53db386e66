using System.Collections.Concurrent;
using Crema.Abstractions;
using Crema.Core.Configuration;
using Microsoft.Extensions.Logging;

namespace Crema.Host.Daemon;

/// <summary>
/// The secret values one trigger's scaler was built with: resolved through <see cref="AuthParamResolver"/>,
/// looked at again every <see cref="AuthParamResolver.SecretRefreshInterval"/> so a rotated Secret Manager
/// or mounted-file value rebuilds the scaler, and scrubbed from error texts (a source may echo a credential back).
/// </summary>
internal sealed partial class TriggerSecrets
{
    /// <summary>Shorter values are not scrubbed: they would mangle messages and are no real secret.</summary>
    private const int ShortestRedacted = 4;

    private static readonly IReadOnlyDictionary<string, string> NoParameters = new Dictionary<string, string>();

    private readonly LoopServices services;
    private readonly TriggerAuthentication? authentication;
    private readonly string owner;

    // Created with the first secret value: most triggers have none, and an empty set is 400 bytes per trigger.
    private ConcurrentDictionary<string, byte>? known;
    private Resolved? current;
    private string? refreshError;

    /// <param name="owner">Names the trigger in log lines ("OBJECT: trigger KEY").</param>
    public TriggerSecrets(LoopServices services, TriggerAuthentication? authentication, Trigger trigger, string owner)
    {
        this.services = services;
        this.authentication = authentication;
        this.owner = owner;
        // xFromEnv metadata is read by the scaler itself; its values are secrets just the same.
        foreach (var (key, variable) in trigger.Metadata)
        {
            if (key.EndsWith("FromEnv", StringComparison.Ordinal) && services.Environment(variable) is { } value)
            {
                Remember(value);
            }
        }
    }

    // Secret Manager versions and mounted files (file, secretTargetRef) can change under a running scaler; environment variables cannot.
    private bool Rotatable => authentication?.Spec is { } auth
        && (auth.GcpSecretManager?.Secrets is { Count: > 0 } || auth.File.Count > 0 || auth.SecretTargetRef.Count > 0);

    /// <summary>Every auth parameter, for building the scaler.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ResolveAsync(CancellationToken ct)
    {
        var values = authentication is null
            ? NoParameters
            : await services.Auth.ResolveAsync(authentication, ct).ConfigureAwait(false);
        foreach (var value in values.Values)
        {
            Remember(value);
        }
        Volatile.Write(ref current, new Resolved(values, services.Time.GetUtcNow()));
        return values;
    }

    /// <summary>
    /// True when a Secret Manager or file value differs from the one the scaler was built with (checked at most once per
    /// refresh interval). A failed check keeps the running scaler and is tried again at the next read.
    /// </summary>
    public async Task<bool> RotatedAsync(CancellationToken ct)
    {
        var now = services.Time.GetUtcNow();
        if (!Rotatable || Volatile.Read(ref current) is not { } built || now - built.ResolvedAt < AuthParamResolver.SecretRefreshInterval)
        {
            return false;
        }
        IReadOnlyDictionary<string, string> fresh;
        try
        {
            fresh = await services.Auth.ResolveAsync(authentication!, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The running scaler keeps its values; said once per change of the error, not every poll.
            var error = Redact(ErrorText.Of(e));
            if (error != refreshError)
            {
                refreshError = error;
                LogRefreshFailed(Logger, owner, error);
            }
            return false;
        }
        if (refreshError is not null)
        {
            refreshError = null;
            LogRefreshRecovered(Logger, owner);
        }
        foreach (var value in fresh.Values)
        {
            Remember(value);
        }
        var same = fresh.Count == built.Values.Count && fresh.All(p => built.Values.TryGetValue(p.Key, out var v) && v == p.Value);
        Volatile.Write(ref current, new Resolved(same ? built.Values : fresh, now));
        return !same;
    }

    /// <summary><paramref name="text"/> with every known secret value replaced by <c>[redacted]</c>.</summary>
    public string Redact(string text)
    {
        if (Volatile.Read(ref known) is not { } secrets)
        {
            return text;
        }
        var values = secrets.Keys.OrderByDescending(k => k.Length).ToArray();
        foreach (var secret in values)
        {
            text = text.Replace(secret, "[redacted]", StringComparison.Ordinal);
        }
        // Error texts are cut ("..."): a secret across the cut shows its beginning.
        return CutSecrets.Redact(text, values, "[redacted]");
    }

    private void Remember(string value)
    {
        // A mounted Secret keeps its trailing newline; a source that echoes the credential back usually does not.
        foreach (var form in new[] { value, value.Trim() })
        {
            if (form.Trim().Length >= ShortestRedacted)
            {
                var secrets = Volatile.Read(ref known)
                    ?? Interlocked.CompareExchange(ref known, new ConcurrentDictionary<string, byte>(StringComparer.Ordinal), null)
                    ?? known;
                secrets.TryAdd(form, 0);
            }
        }
    }

    // Only when there is something to say: the factory hands out one logger per category anyway.
    private ILogger Logger => services.Logging.CreateLogger("Crema.TriggerSecrets");

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Owner}: its secrets could not be read again ({Error}); the scaler keeps the values it was built with and tries again at its next read")]
    private static partial void LogRefreshFailed(ILogger logger, string owner, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Owner}: its secrets are read again")]
    private static partial void LogRefreshRecovered(ILogger logger, string owner);

    private sealed record Resolved(IReadOnlyDictionary<string, string> Values, DateTimeOffset ResolvedAt);
}
