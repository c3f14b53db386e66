using System.Security.Cryptography;
using System.Text;

namespace Crema.Scalers.Sql;

/// <summary>
/// Where and as whom a SQL trigger connects: the driver's own connection string (built from KEDA's connection
/// string or its separate fields), a description for messages and the secrets they must never contain.
/// Triggers with equal settings share one data source. ToString never shows the connection string.
/// </summary>
/// <param name="ConnectionString">The driver's connection string (Npgsql or MySqlConnector form); holds the password.</param>
/// <param name="Identity">The server, database and user, for messages: <c>postgresql db.internal:5432/app as user "scaler"</c>.</param>
/// <param name="Secrets">The password and any other secret in the connection string.</param>
/// <param name="UseGoogleIdentity">True with podIdentity gcp: the password is a Google access token (Cloud SQL IAM database authentication).</param>
internal sealed record SqlConnectionSettings(string ConnectionString, string Identity, IReadOnlyList<string> Secrets, bool UseGoogleIdentity)
{
    /// <summary>A placeholder for settings that failed to bind (never used to connect).</summary>
    public static SqlConnectionSettings Unresolved { get; } = new(string.Empty, "unresolved", [], false);

    /// <summary>What makes two triggers' connections interchangeable, with the connection string hashed.</summary>
    public string SharingKey(string driver) =>
        $"{driver}\n{UseGoogleIdentity}\n{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ConnectionString)))}";

    /// <inheritdoc />
    public override string ToString() => $"{nameof(SqlConnectionSettings)} {{ {Identity} }}";
}
