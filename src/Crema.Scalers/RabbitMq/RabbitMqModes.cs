namespace Crema.Scalers.RabbitMq;

/// <summary>The <c>mode</c> names as KEDA spells them.</summary>
internal static class RabbitMqModes
{
    /// <summary>Every mode name, in KEDA's order.</summary>
    public static readonly string[] Names = Enum.GetNames<RabbitMqMode>();

    /// <summary>The mode for a name already checked against <see cref="Names"/>.</summary>
    public static RabbitMqMode Parse(string name) => Enum.Parse<RabbitMqMode>(name, ignoreCase: true);

    /// <summary>True when the mode reads rates, which only the management API reports.</summary>
    public static bool NeedsHttp(RabbitMqMode mode) => mode != RabbitMqMode.QueueLength;
}
