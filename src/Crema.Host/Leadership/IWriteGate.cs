namespace Crema.Host.Leadership;

/// <summary>
/// Asked right before every write to Cloud Run: may this daemon write now? With a lease, only its holder may,
/// and only until shortly before the lease could expire; without one, always.
/// </summary>
internal interface IWriteGate
{
    /// <summary>
    /// True when this daemon may write now; <paramref name="revoked"/> is then cancelled the moment that right
    /// ends (the lease lost or not renewed in time), so a write still in progress stops there.
    /// </summary>
    bool CanWrite(out CancellationToken revoked);

    /// <summary>Raised when this daemon becomes the writer, so loops can act at once instead of at their next poll.</summary>
    event Action? BecameWriter;
}
