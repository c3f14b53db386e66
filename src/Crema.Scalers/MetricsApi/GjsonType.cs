namespace Crema.Scalers.MetricsApi;

/// <summary>GJSON's result types, by the names KEDA's messages use (gjson.Type.String()).</summary>
internal enum GjsonType
{
    Null,
    False,
    Number,
    String,
    True,
    Json,
}
