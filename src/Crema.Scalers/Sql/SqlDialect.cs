using System.Data.Common;

namespace Crema.Scalers.Sql;

/// <summary>What differs between the SQL drivers behind one <see cref="SqlSource"/>: how their failures read.</summary>
internal abstract class SqlDialect
{
    /// <summary>What a failure of the driver means, in words that say what to fix (no secret), or null when not recognised.</summary>
    public abstract string? Describe(Exception exception);

    /// <summary>The first column of the current row, as the driver gives it; a driver may read a type it cannot map in full differently.</summary>
    public virtual object ReadValue(DbDataReader reader) => reader.GetValue(0);
}
