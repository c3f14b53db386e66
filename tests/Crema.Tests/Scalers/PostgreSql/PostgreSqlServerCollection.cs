namespace Crema.Tests.Scalers.PostgreSql;

/// <summary>Tests against the private PostgreSQL cluster join this collection, so it starts once for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlServerCollection : ICollectionFixture<PostgreSqlServerFixture>
{
    public const string Name = "postgresql-server";
}
