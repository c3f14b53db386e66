namespace Crema.Tests.Scalers.MySql;

/// <summary>Tests against the private MariaDB server join this collection, so it starts once for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class MariaDbServerCollection : ICollectionFixture<MariaDbServerFixture>
{
    public const string Name = "mariadb-server";
}
