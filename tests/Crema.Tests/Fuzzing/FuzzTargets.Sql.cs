using Crema.Scalers.MySql;
using Crema.Scalers.PostgreSql;
using Crema.Scalers.Sql;

namespace Crema.Tests.Fuzzing;

internal static partial class FuzzTargets
{
    /// <summary>A query's text result read as a number: an error is a message, never an exception.</summary>
    private static FuzzTarget SqlValue()
    {
        string[] seeds = ["42", "-3.5e2", "+Inf", "NaN", "0x10", " 7", "1,000", "", ".5", "1e400"];
        return new FuzzTarget("sql-value", FuzzInputs.Mutated(seeds, [.. FuzzInputs.EdgeNumbers, "e", ".", "-", "+", "inf", "\0"]), text =>
        {
            var value = SqlResultValue.Parse(text, "text", out var error);
            return (value is null) == (error is null) ? $"value {value} with error {error}" : error is null ? null : Clean(error, "error");
        });
    }

    /// <summary>libpq keyword/value or URL connection strings, and Go MySQL DSNs: parsed or refused with a message.</summary>
    private static FuzzTarget SqlConnection()
    {
        string[] seeds =
        [
            "host=10.0.0.3 port=5432 user=scaler password='p ss\\'w' dbname=jobs sslmode=require",
            "postgresql://scaler:p%40ss@db.internal:5432/jobs?sslmode=verify-full&connect_timeout=5",
            "scaler:p@ss@tcp(10.0.0.4:3306)/jobs?tls=true&timeout=5s",
            "user@unix(/cloudsql/p:r:i)/db",
        ];
        return new FuzzTarget("sql-connection", FuzzInputs.Mutated(seeds, ["=", "'", "\\", "%", "%4", "@", ":", "/", "?", "&", "(", ")", " "]), text =>
        {
            var postgres = PostgreSqlConnectionString.Parse(text, out var postgresError);
            var mysql = MySqlDsn.Parse(text, out var mysqlError);
            if ((postgres is null) == (postgresError is null) || (mysql is null) == (mysqlError is null))
            {
                return "a parse gave both a result and an error, or neither";
            }
            return (postgresError is null ? null : Clean(postgresError, "postgresql error")) ?? (mysqlError is null ? null : Clean(mysqlError, "mysql error"));
        });
    }
}
