using Crema.Abstractions;

namespace Crema.Tests.Scalers.External;

/// <summary>Builds trigger contexts for the external scaler tests; each gets its own HTTP client pool unless one is given.</summary>
internal static class ExternalTestContexts
{
    public static ScalerContext Create(
        Dictionary<string, string> metadata,
        string type = "external",
        Dictionary<string, string>? authParams = null,
        TimeProvider? timeProvider = null,
        IScalerServices? services = null,
        Func<string, string?>? environment = null,
        string scaledObjectName = "orders-worker",
        bool validationOnly = false) => new()
        {
            TriggerType = type,
            TriggerName = "0",
            ScaledObjectName = scaledObjectName,
            Metadata = metadata,
            AuthParams = authParams ?? [],
            TimeProvider = timeProvider ?? TimeProvider.System,
            Services = services ?? new DefaultScalerServices(),
            Environment = environment ?? (_ => null),
            ValidationOnly = validationOnly,
        };
}
