using Crema.Abstractions;

namespace Crema.Scalers;

/// <summary>
/// Every scaler in this build. Adding a scaler means adding its factory here, one line, and nothing
/// else outside its own folder.
/// </summary>
public static class BuiltInScalers
{
    /// <summary>A registry of all built-in scalers.</summary>
    public static ScalerRegistry CreateRegistry() => new(
    [
        new Prometheus.PrometheusScalerFactory(),
        new GitHubRunner.GitHubRunnerScalerFactory(),
        new Kafka.KafkaScalerFactory(),
        new External.ExternalScalerFactory(),
        new External.ExternalPushScalerFactory(),
        new Gcp.PubSub.PubSubScalerFactory(),
        new Gcp.Stackdriver.StackdriverScalerFactory(),
        new Gcp.CloudTasks.CloudTasksScalerFactory(),
        new RabbitMq.RabbitMqScalerFactory(),
        new Temporal.TemporalScalerFactory(),
        new Cron.CronScalerFactory(),
        new MetricsApi.MetricsApiScalerFactory(),
        new PostgreSql.PostgreSqlScalerFactory(),
        new MySql.MySqlScalerFactory(),
        new Etcd.EtcdScalerFactory(),
        new NatsJetStream.NatsJetStreamScalerFactory(),
        new Beanstalkd.BeanstalkdScalerFactory(),
        .. Redis.RedisScalerFactories.All,
        .. Gcp.CloudRunResource.ResourceScalerFactory.All,
        new AwsSqs.AwsSqsScalerFactory(),
        new AzureQueue.AzureQueueScalerFactory(),
        new Gcp.Storage.StorageScalerFactory(),
    ]);
}
