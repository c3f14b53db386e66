using Crema.Core.Configuration.Reporting;

namespace Crema.Core.Configuration.Validation;

/// <summary>triggerAuthentications: unique names, at least one source, valid providers and paths, unique parameters.</summary>
internal sealed class TriggerAuthenticationValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (authentication, path) in context.Authentications())
        {
            var name = authentication.Metadata.Name;
            if (name is { Length: > 0 } && !names.TryAdd(name, path))
            {
                context.Error(path + ".metadata.name", $"the name \"{name}\" is already used by {names[name]}; triggerAuthentication names must be unique");
            }
            CheckSources(context, authentication.Spec, path + ".spec");
        }
    }

    private static void CheckSources(ValidationContext context, TriggerAuthenticationSpec spec, string specPath)
    {
        var secrets = spec.GcpSecretManager?.Secrets ?? [];
        if (spec.GcpSecretManager is not null && secrets.Count == 0)
        {
            context.Error(specPath + ".gcpSecretManager.secrets", "gcpSecretManager needs at least one secret");
        }
        else if (secrets.Count + spec.Env.Count + spec.File.Count == 0 && spec.PodIdentity is null && context.IsWritten(specPath))
        {
            context.Error(specPath, "declares no source; add gcpSecretManager.secrets, podIdentity, env or file");
        }
        CheckProvider(context, spec.PodIdentity, specPath + ".podIdentity.provider");
        CheckProvider(context, spec.GcpSecretManager?.PodIdentity, specPath + ".gcpSecretManager.podIdentity.provider");
        for (var i = 0; i < spec.File.Count; i++)
        {
            var path = spec.File[i].Path;
            if (path.Length > 0 && !path.StartsWith('/'))
            {
                context.Error(ConfigPath.Item(specPath + ".file", i) + ".path", $"\"{path}\" is not an absolute path; it must start with /");
            }
        }
        CheckDuplicateParameters(context, spec, specPath);
    }

    private static void CheckProvider(ValidationContext context, PodIdentity? identity, string path)
    {
        if (identity is { Provider.Length: > 0 } && identity.Provider is not ("gcp" or "none"))
        {
            context.Error(path, $"provider \"{identity.Provider}\" is not supported; use gcp (the daemon's own Google identity) or none");
        }
    }

    private static void CheckDuplicateParameters(ValidationContext context, TriggerAuthenticationSpec spec, string specPath)
    {
        var parameters = (spec.GcpSecretManager?.Secrets ?? []).Select((s, i) => (s.Parameter, Path: ConfigPath.Item(specPath + ".gcpSecretManager.secrets", i)))
            .Concat(spec.Env.Select((e, i) => (e.Parameter, Path: ConfigPath.Item(specPath + ".env", i))))
            .Concat(spec.File.Select((f, i) => (f.Parameter, Path: ConfigPath.Item(specPath + ".file", i))));
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (parameter, path) in parameters)
        {
            if (parameter.Length > 0 && !seen.TryAdd(parameter, path))
            {
                context.Error(path + ".parameter", $"parameter \"{parameter}\" is already declared by {seen[parameter]}; each parameter may come from one source");
            }
        }
    }
}
