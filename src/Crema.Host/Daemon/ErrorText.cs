namespace Crema.Host.Daemon;

/// <summary>
/// A one-line error text for logs and /status: the innermost useful message, no stack trace, control characters escaped
/// (a library's message may quote what a server sent).
/// </summary>
internal static class ErrorText
{
    public static string Of(Exception e)
    {
        var inner = e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerExceptions[0] : e;
        var message = Crema.Abstractions.UntrustedText.Escape(inner.Message.ReplaceLineEndings(" "));
        return message.Length > 500 ? message[..500] + "..." : message;
    }
}
