namespace Crema.Abstractions;

public sealed partial class MetadataBinder
{
    /// <summary>
    /// The text of a key from its sources in its declared order (every name in each source), or its
    /// default. Value is null when absent; Deferred is true while validating a value that only exists
    /// at run time (a secret, or an environment variable the validator cannot see). A blank value counts
    /// as absent, as in KEDA (so a required key written <c>""</c> is missing).
    /// </summary>
    private (string? Value, bool Deferred) Raw(MetadataKey key, bool required)
    {
        Read(key);
        var found = Lookup(key);
        if (found.Value is not null || found.Deferred)
        {
            namesUsed[key.Name] = found.Name ?? key.Name;
            ReportDeprecation(key, found.Name ?? key.Name);
            return (found.Value, found.Deferred);
        }
        if (found.Failed)
        {
            return (null, false);
        }
        if (key.DefaultText is not null)
        {
            return (key.DefaultText, false);
        }
        if (required || key.IsRequired)
        {
            FailMissing(key, found.EmptyVariable);
        }
        return (null, false);
    }

    private (string? Value, bool Deferred, bool Failed, string? Name, string? EmptyVariable) Lookup(MetadataKey key)
    {
        string? emptyVariable = null;
        foreach (var source in key.Order)
        {
            foreach (var name in key.Names)
            {
                switch (source)
                {
                    case KeySource.TriggerMetadata:
                        if (Context.Metadata.TryGetValue(name, out var direct) && !string.IsNullOrWhiteSpace(direct))
                        {
                            return (direct.Trim(), false, false, name, null);
                        }
                        break;
                    case KeySource.AuthParams:
                        if (Context.AuthParams.TryGetValue(name, out var secret))
                        {
                            // While validating, declared parameters have empty values: present, not yet known.
                            if (Context.ValidationOnly)
                            {
                                return (null, true, false, name, null);
                            }
                            if (!string.IsNullOrWhiteSpace(secret))
                            {
                                return (secret.Trim(), false, false, name, null);
                            }
                        }
                        break;
                    case KeySource.ResolvedEnv:
                        var variable = Context.Metadata.GetValueOrDefault(name + FromEnvSuffix);
                        if (string.IsNullOrWhiteSpace(variable))
                        {
                            break;
                        }
                        variable = variable.Trim();
                        if (Context.ValidationOnly && !Context.EnvironmentVisible)
                        {
                            return (null, true, false, name, null);
                        }
                        var fromEnv = Context.Environment(variable);
                        if (fromEnv is null)
                        {
                            Fail(name + FromEnvSuffix, $"environment variable \"{variable}\" is not set{(Context.ValidationOnly ? " in the daemon's environment" : "")}");
                            return (null, false, true, name, null);
                        }
                        if (!string.IsNullOrWhiteSpace(fromEnv))
                        {
                            return (fromEnv.Trim(), false, false, name, null);
                        }
                        emptyVariable ??= variable;
                        break;
                }
            }
        }
        return (null, false, false, null, emptyVariable);
    }

    private void FailMissing(MetadataKey key, string? emptyVariable)
    {
        var hint = key.RequiredHint is null ? "" : $" ({key.RequiredHint})";
        var empty = emptyVariable is null ? "" : $"; {key.Name}{FromEnvSuffix} names \"{emptyVariable}\", which is empty";
        if (key.Order is [KeySource.AuthParams])
        {
            Fail(key.Name, $"is required{hint}{empty}{MetadataError.AuthenticationRefHint}", MetadataSource.AuthParams);
        }
        else if (key.Order.Contains(KeySource.AuthParams))
        {
            Fail(key.Name, $"is required{hint}{empty}, in metadata or as a parameter of the trigger's authenticationRef");
        }
        else
        {
            Fail(key.Name, $"is required{hint}{empty}");
        }
    }

    private void ReportDeprecation(MetadataKey key, string name)
    {
        if (key.RemovedMessage is not null)
        {
            Fail(name, $"is no longer supported: {key.RemovedMessage}", SourceOf(key, name));
        }
        else if (key.DeprecatedMessage is not null)
        {
            warnings.Add(new MetadataError(name, $"is deprecated: {key.DeprecatedMessage}", SourceOf(key, name)));
        }
    }

    private MetadataSource SourceOf(MetadataKey key, string name) =>
        key.Order.Contains(KeySource.TriggerMetadata) && (Context.Metadata.ContainsKey(name) || Context.Metadata.ContainsKey(name + FromEnvSuffix))
            ? MetadataSource.Metadata
            : key.Order.Contains(KeySource.AuthParams) ? MetadataSource.AuthParams : MetadataSource.Metadata;
}
