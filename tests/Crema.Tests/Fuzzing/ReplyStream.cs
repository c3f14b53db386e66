namespace Crema.Tests.Fuzzing;

/// <summary>A connection stand-in: reads give the server's reply bytes, then end; writes (the request) are dropped.</summary>
internal sealed class ReplyStream(byte[] reply) : MemoryStream(reply, writable: false)
{
    public override bool CanWrite => true;

    public override void Write(byte[] buffer, int offset, int count)
    {
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.CompletedTask;
}
