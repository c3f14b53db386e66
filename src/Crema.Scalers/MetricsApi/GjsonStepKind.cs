namespace Crema.Scalers.MetricsApi;

/// <summary>What one component of a GJSON path does.</summary>
internal enum GjsonStepKind
{
    /// <summary>An object key (wildcards allowed) or an array index.</summary>
    Key,

    /// <summary><c>#</c>: an array's length, or with <c>.rest</c> the rest applied to every item.</summary>
    Hash,

    /// <summary><c>#(...)</c>: the first item that matches.</summary>
    Query,

    /// <summary><c>#(...)#</c>: every item that matches.</summary>
    QueryAll,

    /// <summary><c>@this</c>: the current value.</summary>
    This,
}
