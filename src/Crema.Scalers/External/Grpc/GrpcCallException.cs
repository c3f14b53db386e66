using System.Text;

namespace Crema.Scalers.External.Grpc;

/// <summary>A gRPC call that ended with a status other than OK, or could not be made at all.</summary>
internal sealed class GrpcCallException : Exception
{
    public GrpcCallException()
    {
    }

    public GrpcCallException(string message)
        : base(message)
    {
    }

    public GrpcCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GrpcCallException(string method, GrpcStatusCode statusCode, string? detail, Exception? innerException = null)
        : base(Describe(method, statusCode, detail), innerException)
    {
        Method = method;
        StatusCode = statusCode;
        Detail = detail;
    }

    /// <summary>The method path, for example <c>/externalscaler.ExternalScaler/IsActive</c>.</summary>
    public string Method { get; } = string.Empty;

    public GrpcStatusCode StatusCode { get; } = GrpcStatusCode.Unknown;

    /// <summary>The decoded <c>grpc-message</c>, or a local explanation; null when none.</summary>
    public string? Detail { get; }

    private static string Describe(string method, GrpcStatusCode code, string? detail)
    {
        var text = new StringBuilder().Append(method).Append(": ").Append(ToStatusName(code));
        if (!string.IsNullOrEmpty(detail))
        {
            text.Append(": ").Append(detail);
        }
        return text.ToString();
    }

    /// <summary>The canonical upper-case name, as gRPC tools print it (<c>INVALID_ARGUMENT</c>).</summary>
    public static string ToStatusName(GrpcStatusCode code)
    {
        if (!Enum.IsDefined(code))
        {
            return "CODE_" + ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var name = code.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append('_');
            }
            text.Append(char.ToUpperInvariant(name[i]));
        }
        return text.ToString();
    }
}
