namespace Crema.Tests.Faults;

/// <summary>
/// One fault of the suite: <see cref="Arm"/> starts it on pool-a (its Cloud Run target, its source or the
/// config), <see cref="Clear"/> ends it; <see cref="Polls"/> is how long it lasts, in polling intervals.
/// </summary>
internal sealed record FaultCase(string Name, Func<FaultRig, Task> Arm, Func<FaultRig, Task> Clear, int Polls = 8)
{
    public override string ToString() => Name;
}
