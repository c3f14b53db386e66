using System.Globalization;
using System.Text;
using Grpc.Core;

namespace Crema.Scalers.External;

/// <summary>
/// A call to an external scaler that ended with a gRPC status other than OK, or could not be made at
/// all (UNAVAILABLE). The message names the method and the canonical status, as gRPC tools print them:
/// <c>/externalscaler.ExternalScaler/GetMetrics: INVALID_ARGUMENT: unknown queue</c>.
/// </summary>
internal sealed class ExternalScalerCallException : Exception
{
    public ExternalScalerCallException()
    {
    }

    public ExternalScalerCallException(string message)
        : base(message)
    {
    }

    public ExternalScalerCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ExternalScalerCallException(string method, StatusCode statusCode, string? detail, Exception? innerException = null)
        : base(Describe(method, statusCode, detail), innerException)
    {
        Method = method;
        StatusCode = statusCode;
        Detail = detail;
    }

    /// <summary>The method path, for example <c>/externalscaler.ExternalScaler/IsActive</c>.</summary>
    public string Method { get; } = string.Empty;

    public StatusCode StatusCode { get; } = StatusCode.Unknown;

    /// <summary>The server's decoded <c>grpc-message</c>, or the client's explanation; null when none.</summary>
    public string? Detail { get; }

    /// <summary>The canonical upper-case name of a status (<c>INVALID_ARGUMENT</c>, <c>OK</c>).</summary>
    public static string ToStatusName(StatusCode code)
    {
        if (!Enum.IsDefined(code))
        {
            return "CODE_" + ((int)code).ToString(CultureInfo.InvariantCulture);
        }
        var name = code.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            // A word starts at an upper-case letter after a lower-case one: InvalidArgument, but OK.
            if (i > 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
            {
                text.Append('_');
            }
            text.Append(char.ToUpperInvariant(name[i]));
        }
        return text.ToString();
    }

    private static string Describe(string method, StatusCode code, string? detail)
    {
        var text = new StringBuilder().Append(method).Append(": ").Append(ToStatusName(code));
        if (!string.IsNullOrEmpty(detail))
        {
            // The detail is the server's grpc-message: its text, escaped for one log line.
            text.Append(": ").Append(Crema.Abstractions.UntrustedText.Escape(detail));
        }
        return text.ToString();
    }
}
