namespace Crema.Core.Simulation.Quality;

/// <summary>Decides the instance count the queue model asks Cloud Run for, one simulated second at a time.</summary>
internal interface IInstancePolicy
{
    /// <summary>What the results call it.</summary>
    string Name { get; }

    /// <summary>
    /// The count to request at second <paramref name="second"/>, given the backlog then, the arrival rate then and
    /// the count requested so far; policies that poll return <paramref name="current"/> between polls.
    /// </summary>
    int Decide(int second, double backlog, double arrivalRate, int current);
}
