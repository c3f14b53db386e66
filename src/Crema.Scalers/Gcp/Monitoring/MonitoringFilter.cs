namespace Crema.Scalers.Gcp.Monitoring;

/// <summary>Builds Cloud Monitoring filter clauses with values quoted safely.</summary>
internal static class MonitoringFilter
{
    /// <summary>A quoted filter string: backslashes and double quotes escaped.</summary>
    public static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary><c>name = "value"</c>.</summary>
    public static string Equal(string name, string value) => $"{name} = {Quote(value)}";

    /// <summary>Clauses joined with AND.</summary>
    public static string And(params string[] clauses) => string.Join(" AND ", clauses);
}
