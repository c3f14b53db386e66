using System.Globalization;
using Crema.Host.Daemon;
using Crema.Host.Leadership;

namespace Crema.Host.Cli;

/// <summary>
/// The lease options of <c>crema run</c> (each also read from its CREMA_LEASE* variable), checked and turned into
/// <see cref="LeaseOptions"/> with the identity resolved and the store built. A bad value exits 1; Kubernetes
/// credentials that cannot be found exit 2.
/// </summary>
internal sealed record LeaseArguments(string? Lease, int? DurationSeconds, string? Identity, bool DryRun)
{
    public const string LeaseVariable = "CREMA_LEASE";
    public const string DurationVariable = "CREMA_LEASE_DURATION";
    public const string IdentityVariable = "CREMA_LEASE_IDENTITY";

    public async Task<(LeaseOptions? Options, ILeaseStore? Store, int ExitCode)> ResolveAsync(
        GoogleServices google, Func<string, string?> environment, TextWriter error, CancellationToken ct)
    {
        var (uri, uriSource) = Lease is { Length: > 0 } given ? (given, "--lease") : (environment(LeaseVariable), LeaseVariable);
        if (string.IsNullOrWhiteSpace(uri))
        {
            return (null, null, 0);
        }
        if (!LeaseLocation.TryParse(uri, out var location, out var problem))
        {
            error.WriteLine($"{uriSource}: {problem}");
            return (null, null, ConfigFileReader.Invalid);
        }
        if (!TryDuration(environment, out var seconds, out problem))
        {
            error.WriteLine(problem);
            return (null, null, ConfigFileReader.Invalid);
        }
        var configured = Identity is { Length: > 0 } ? Identity : environment(IdentityVariable);
        if (configured is { } named && (named.Trim().Length is 0 or > 256 || named.Any(char.IsControl)))
        {
            error.WriteLine($"{(Identity is { Length: > 0 } ? "--lease-identity" : IdentityVariable)}: the identity must be 1 to 256 printable characters");
            return (null, null, ConfigFileReader.Invalid);
        }
        if (DryRun)
        {
            // A dry run never writes, so it must not hold the lease either: it would keep the real writer out.
            error.WriteLine($"--dry-run: the lease {location} is not used (a dry run never writes to Cloud Run)");
            return (null, null, 0);
        }
        ILeaseStore store;
        try
        {
            store = LeaseStores.Create(location!, google, environment);
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine($"{uriSource}: {e.Message}");
            return (null, null, ConfigFileReader.Unreadable);
        }
        var identity = await HolderIdentity.ResolveAsync(configured, environment, google.Http, ct).ConfigureAwait(false);
        return (new LeaseOptions { Location = location!, Duration = TimeSpan.FromSeconds(seconds), Identity = identity }, store, 0);
    }

    private bool TryDuration(Func<string, string?> environment, out int seconds, out string problem)
    {
        problem = string.Empty;
        seconds = LeaseOptions.DefaultDurationSeconds;
        string source;
        if (DurationSeconds is { } given)
        {
            (seconds, source) = (given, "--lease-duration");
        }
        else if (environment(DurationVariable) is { Length: > 0 } text)
        {
            source = DurationVariable;
            if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out seconds))
            {
                problem = $"{DurationVariable}: \"{text}\" is not a whole number of seconds";
                return false;
            }
        }
        else
        {
            return true;
        }
        if (seconds is < LeaseOptions.MinDurationSeconds or > LeaseOptions.MaxDurationSeconds)
        {
            problem = $"{source}: {seconds} is outside {LeaseOptions.MinDurationSeconds} to {LeaseOptions.MaxDurationSeconds} seconds";
            return false;
        }
        return true;
    }
}
