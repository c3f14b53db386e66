using System.Text.Json;
using Crema.Abstractions;

namespace Crema.Scalers.Gcp.Monitoring;

/// <summary>
/// Binds the credential settings the three GCP scalers share, in KEDA's order: podIdentity gcp;
/// the <c>GoogleApplicationCredentials</c> auth parameter; <c>credentialsFromEnv</c>;
/// <c>credentialsFromEnvFile</c> (a variable naming a key file); otherwise the daemon's ADC.
/// </summary>
internal static class GcpCredentialBinder
{
    public static GcpCredentials Bind(MetadataBinder binder)
    {
        var context = binder.Context;
        var fromAuthParams = binder.String(GcpCredentialKeys.GoogleApplicationCredentials);
        var fromMetadata = binder.String(GcpCredentialKeys.Credentials);
        var fileVariable = binder.String(GcpCredentialKeys.CredentialsFromEnvFile);
        if (context.UsePodIdentity || context.ValidationOnly)
        {
            // While validating, secrets and environment values are not available to check.
            return GcpCredentials.DaemonIdentity;
        }
        if (!string.IsNullOrEmpty(fromAuthParams))
        {
            return Parse(binder, fromAuthParams, GcpCredentialKeys.GoogleApplicationCredentials.Name, MetadataSource.AuthParams);
        }
        if (!string.IsNullOrEmpty(fromMetadata))
        {
            var key = context.Metadata.ContainsKey(GcpCredentialKeys.Credentials.Name) ? GcpCredentialKeys.Credentials.Name : "credentialsFromEnv";
            return Parse(binder, fromMetadata, key, MetadataSource.Metadata);
        }
        if (!string.IsNullOrEmpty(fileVariable))
        {
            return FromFile(binder, fileVariable);
        }
        return GcpCredentials.DaemonIdentity;
    }

    private static GcpCredentials FromFile(MetadataBinder binder, string variable)
    {
        var key = GcpCredentialKeys.CredentialsFromEnvFile.Name;
        var path = binder.Context.Environment(variable);
        if (string.IsNullOrEmpty(path))
        {
            binder.Fail(key, $"environment variable \"{variable}\" is not set");
            return GcpCredentials.DaemonIdentity;
        }
        try
        {
            return Parse(binder, File.ReadAllText(path), key, MetadataSource.Metadata);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            binder.Fail(key, $"cannot read the key file named by \"{variable}\": {e.Message}");
            return GcpCredentials.DaemonIdentity;
        }
    }

    private static GcpCredentials Parse(MetadataBinder binder, string json, string key, MetadataSource source)
    {
        const string shape = "is not a service-account JSON key (it needs type \"service_account\", client_email and private_key)";
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || Text(root, "type") != "service_account"
                || string.IsNullOrEmpty(Text(root, "client_email"))
                || string.IsNullOrEmpty(Text(root, "private_key")))
            {
                binder.Fail(key, shape, source);
                return GcpCredentials.DaemonIdentity;
            }
            return GcpCredentials.FromServiceAccount(json, Text(root, "client_email"), Text(root, "project_id"));
        }
        catch (JsonException)
        {
            // The parser's message can quote the input; say only that it is not JSON.
            binder.Fail(key, "is not valid JSON (expected a service-account key)", source);
            return GcpCredentials.DaemonIdentity;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
