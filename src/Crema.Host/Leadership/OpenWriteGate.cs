namespace Crema.Host.Leadership;

/// <summary>No lease configured: the single daemon always writes, as it always did.</summary>
internal sealed class OpenWriteGate : IWriteGate
{
    public static OpenWriteGate Instance { get; } = new();

    public event Action? BecameWriter
    {
        add { }
        remove { }
    }

    public bool CanWrite(out CancellationToken revoked)
    {
        revoked = CancellationToken.None;
        return true;
    }
}
