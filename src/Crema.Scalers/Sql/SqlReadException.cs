namespace Crema.Scalers.Sql;

/// <summary>A SQL read that failed; the message names the server, database and user, never a secret.</summary>
internal sealed class SqlReadException(string message) : Exception(message);
