namespace Crema.Core.Configuration.Validation;

/// <summary>
/// The trigger types KEDA 2.20 builds (pkg/scaling/scalers_builder.go), so an unknown type can be told apart: a KEDA
/// scaler Crema does not include (run it behind the external scaler protocol) or a misspelling.
/// </summary>
internal static class KedaScalerTypes
{
    private static readonly HashSet<string> Types = new(
    [
        "activemq", "apache-kafka", "arangodb", "artemis-queue", "aws-cloudwatch", "aws-dynamodb", "aws-dynamodb-streams",
        "aws-kinesis-stream", "aws-sqs-queue", "azure-app-insights", "azure-blob", "azure-data-explorer", "azure-eventhub",
        "azure-log-analytics", "azure-monitor", "azure-pipelines", "azure-queue", "azure-servicebus", "beanstalkd", "cassandra",
        "clickhouse", "couchdb", "cpu", "cron", "datadog", "dynatrace", "elastic-forecast", "elasticsearch", "etcd", "external",
        "external-push", "forgejo-runner", "gcp-cloudtasks", "gcp-pubsub", "gcp-spanner", "gcp-stackdriver", "gcp-storage",
        "github-runner", "graphite", "huawei-cloudeye", "ibmmq", "influxdb", "kafka", "kubernetes-resource", "kubernetes-workload",
        "liiklus", "loki", "memory", "metrics-api", "mongodb", "mssql", "mysql", "nats-jetstream", "new-relic", "nsq", "opensearch",
        "openstack-metric", "openstack-swift", "postgresql", "predictkube", "prometheus", "pulsar", "rabbitmq", "redis",
        "redis-cluster", "redis-cluster-streams", "redis-sentinel", "redis-sentinel-streams", "redis-streams", "selenium-grid",
        "solace-direct-messaging", "solace-event-queue", "solarwinds", "solr", "splunk", "splunk-observability", "sumologic", "temporal",
    ], StringComparer.Ordinal);

    public static bool Contains(string type) => Types.Contains(type);
}
