namespace Crema.Scalers.AzureQueue;

/// <summary>KEDA's reading of <c>cloud</c> and <c>endpointSuffix</c> into a queue endpoint suffix (ParseAzureStorageEndpointSuffix).</summary>
internal static class AzureCloud
{
    /// <summary>KEDA's cloud names (compared in upper case) and their storage suffixes.</summary>
    private static readonly Dictionary<string, string> StorageSuffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AZURECHINACLOUD"] = "core.chinacloudapi.cn",
        ["AZUREGERMANCLOUD"] = "core.cloudapi.de",
        ["AZURECLOUD"] = "core.windows.net",
        ["AZUREPUBLICCLOUD"] = "core.windows.net",
        ["AZUREUSGOVERNMENT"] = "core.usgovcloudapi.net",
        ["AZUREUSGOVERNMENTCLOUD"] = "core.usgovcloudapi.net",
    };

    /// <summary>The queue endpoint suffix (queue.core.windows.net by default), or null with <paramref name="error"/>.</summary>
    public static string? QueueEndpointSuffix(string? cloud, string? endpointSuffix, out string? error)
    {
        error = null;
        if (string.IsNullOrEmpty(cloud))
        {
            return "queue." + StorageSuffixes["AZUREPUBLICCLOUD"];
        }
        if (string.Equals(cloud, "Private", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrEmpty(endpointSuffix))
            {
                error = "endpointSuffix must be provided for Private cloud type";
                return null;
            }
            return endpointSuffix;
        }
        if (string.Equals(cloud, "AzureStackCloud", StringComparison.OrdinalIgnoreCase))
        {
            error = "AzureStackCloud reads its endpoints from the file named by AZURE_ENVIRONMENT_FILEPATH, which Crema does not support; use cloud Private with endpointSuffix";
            return null;
        }
        if (StorageSuffixes.TryGetValue(cloud, out var suffix))
        {
            return "queue." + suffix;
        }
        error = $"invalid cloud environment {cloud}: give AzurePublicCloud, AzureUSGovernmentCloud, AzureChinaCloud, AzureGermanCloud or Private (with endpointSuffix)";
        return null;
    }
}
