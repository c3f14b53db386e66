namespace Crema.Scalers.Prometheus;

/// <summary>A Prometheus query that could not be turned into one value. The message never holds a secret.</summary>
internal sealed class PrometheusQueryException(string message) : Exception(message);
