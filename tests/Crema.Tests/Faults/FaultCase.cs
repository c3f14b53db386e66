namespace Crema.Tests.Faults;

/// <summary>
/// One fault of the suite: <see cref="Arm"/> starts it on pool-a (its Cloud Run target, its source or the
/// config), <see cref="Clear"/> ends it; <see cref="Polls"/> is how long it lasts, in polling intervals.
/// <see cref="Seen"/>, when set, must hold after at least one of those polls: proof the fault reached Crema.
/// </summary>
internal sealed record FaultCase(string Name, Func<FaultRig, Task> Arm, Func<FaultRig, Task> Clear, int Polls = 8)
{
    public Func<FaultRig, Task<bool>>? Seen { get; init; }

    public override string ToString() => Name;
}
