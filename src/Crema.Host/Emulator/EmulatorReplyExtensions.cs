namespace Crema.Host.Emulator;

/// <summary>Start-up checks on emulator replies.</summary>
internal static class EmulatorReplyExtensions
{
    /// <summary>Turns an error reply to configuration given in options into an exception.</summary>
    public static void EnsureSuccess(this EmulatorReply reply)
    {
        if (reply.Status >= 400)
        {
            throw new ArgumentException($"Invalid emulator option: {reply.Json}");
        }
    }
}
