namespace Crema.Scalers.Http;

/// <summary>An HTTP source could not be read: status, size, redirect or transport. The message names no secret.</summary>
internal sealed class HttpSourceException : Exception
{
    public HttpSourceException()
    {
    }

    public HttpSourceException(string message) : base(message)
    {
    }

    public HttpSourceException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The HTTP status of the reply, when the server answered.</summary>
    public int? StatusCode { get; init; }
}
