namespace Crema.Scalers.MetricsApi;

/// <summary>A metrics-api response held no usable value. The message names the valueLocation and never a secret.</summary>
internal sealed class MetricsApiException : Exception
{
    public MetricsApiException()
    {
    }

    public MetricsApiException(string message) : base(message)
    {
    }

    public MetricsApiException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
