using System.Text.RegularExpressions;
using Crema.Core.Configuration.Reporting;

namespace Crema.Core.Configuration.Validation;

/// <summary>triggerAuthentications: unique names, at least one source, valid providers and paths, unique parameters.</summary>
internal sealed partial class TriggerAuthenticationValidator : IConfigValidator
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
        else if (secrets.Count + spec.SecretTargetRef.Count + spec.Env.Count + spec.File.Count == 0 && spec.PodIdentity is null && context.IsWritten(specPath))
        {
            context.Error(specPath, "declares no source; add gcpSecretManager.secrets, secretTargetRef, podIdentity, env or file");
        }
        CheckSecretTargetRefs(context, spec.SecretTargetRef, specPath + ".secretTargetRef");
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
        if (identity is not { Provider.Length: > 0 } || identity.Provider is "gcp" or "none")
        {
            return;
        }
        const string supported = "Crema supports gcp (its own Google identity: the Cloud Run service account, or Application Default Credentials elsewhere) or none";
        var what = identity.Provider switch
        {
            "azure-workload" => "Azure Workload Identity is not available to Crema (Azure Monitor managed Prometheus and other Azure sources included)",
            "aws" or "aws-eks" => "AWS pod identity is not available to Crema (Amazon Managed Prometheus SigV4 and other AWS sources included)",
            "azure" => "Azure AD Pod Identity was removed from KEDA and is not available to Crema",
            _ => $"provider \"{identity.Provider}\" is not a pod identity provider",
        };
        context.Error(path, $"{what}; {supported}; pass other credentials through secretTargetRef, file, env or gcpSecretManager");
    }

    /// <summary>
    /// The Secret name and key become path segments under the secrets directory: Kubernetes' own rules for them
    /// (a DNS subdomain; letters, digits, '-', '_', '.') also keep a reference inside that directory.
    /// </summary>
    private static void CheckSecretTargetRefs(ValidationContext context, IReadOnlyList<SecretTargetRef> refs, string path)
    {
        for (var i = 0; i < refs.Count; i++)
        {
            var itemPath = ConfigPath.Item(path, i);
            if (refs[i].Name.Length > 0 && !SecretNamePattern().IsMatch(refs[i].Name))
            {
                context.Error(itemPath + ".name", $"\"{refs[i].Name}\" is not a valid Secret name (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)");
            }
            if (refs[i].Key.Length > 0 && (!SecretKeyPattern().IsMatch(refs[i].Key) || refs[i].Key is "." or ".."))
            {
                context.Error(itemPath + ".key", $"\"{refs[i].Key}\" is not a valid Secret key (letters, digits, '-', '_' and '.'; not \".\" or \"..\")");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")]
    private static partial Regex SecretNamePattern();

    [GeneratedRegex("^[-._a-zA-Z0-9]{1,253}$")]
    private static partial Regex SecretKeyPattern();

    private static void CheckDuplicateParameters(ValidationContext context, TriggerAuthenticationSpec spec, string specPath)
    {
        var parameters = (spec.GcpSecretManager?.Secrets ?? []).Select((s, i) => (s.Parameter, Path: ConfigPath.Item(specPath + ".gcpSecretManager.secrets", i)))
            .Concat(spec.SecretTargetRef.Select((s, i) => (s.Parameter, Path: ConfigPath.Item(specPath + ".secretTargetRef", i))))
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
