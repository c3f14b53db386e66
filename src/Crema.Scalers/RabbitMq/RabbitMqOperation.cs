namespace Crema.Scalers.RabbitMq;

/// <summary>How the queues a <c>useRegex</c> name matches are combined (KEDA's <c>operation</c>). Default sum.</summary>
internal enum RabbitMqOperation
{
    /// <summary>Add every queue's figures.</summary>
    Sum,

    /// <summary>Take each figure's largest value, independently.</summary>
    Max,

    /// <summary>The mean; message counts are divided as integers, as KEDA does.</summary>
    Avg,
}
