using Crema.Scalers;
using static Crema.Tests.Configuration.ConfigTestHelper;

namespace Crema.Tests.Configuration;

/// <summary>
/// The scaled-object rules for cpu/memory triggers: KEDA's metricType rule (cpu_memory_scaler.go parseResourceMetadata),
/// the webhook's verifyCPUMemoryScalers (no scale to zero with only cpu/memory), CheckFallbackValid, ValidateTriggers
/// (no useCachedMetrics), and hpa.go (Utilization only for them), loaded with the real scalers.
/// </summary>
public sealed class ResourceTriggerRuleTests
{
    private const string So = "spec.scaledObjects[0].spec";
    private const string T0 = So + ".triggers[0]";
    private const string Kafka = "{type: kafka, name: lag, metadata: {bootstrapServers: \"kafka:9092\", consumerGroup: g, topic: t}}";

    private static Crema.Core.Configuration.ConfigLoadResult LoadReal(string yaml) => Load(yaml, BuiltInScalers.CreateRegistry());

    [Theory]
    [InlineData("cpu")]
    [InlineData("memory")]
    public void Load_UtilizationWithMinOne_IsValid(string type) =>
        LoadReal(OneScaledObject("minReplicaCount: 1", triggers: $"triggers: [{{type: {type}, metricType: Utilization, metadata: {{value: \"60\"}}}}]")).ShouldBeValid();

    [Fact]
    public void Load_CpuBesideAnotherTriggerWithMinZero_IsValid() =>
        LoadReal(OneScaledObject(triggers: $"triggers:\n  - {{type: cpu, metricType: Utilization, metadata: {{value: \"70\"}}}}\n  - {Kafka}")).ShouldBeValid();

    [Theory]
    [InlineData("", "")]
    [InlineData("minReplicaCount: 0", ".minReplicaCount")]
    public void Load_OnlyResourceTriggersAndMinZero_CannotScaleFromZero(string body, string at) =>
        LoadReal(OneScaledObject(body, triggers: "triggers:\n  - {type: cpu, metricType: Utilization, metadata: {value: \"60\"}}\n  - {type: memory, metricType: Utilization, metadata: {value: \"80\"}}"))
            .ShouldHaveError(So + at, "only cpu/memory triggers and minReplicaCount is 0: it could never scale from zero");

    [Theory]
    [InlineData("", T0, "a cpu trigger needs metricType: Utilization (KEDA has no default for it)")]
    [InlineData("metricType: AverageValue,", T0 + ".metricType", "AverageValue is not available on Cloud Run")]
    [InlineData("metricType: Value,", T0 + ".metricType", "cpu triggers allow metricType Utilization or AverageValue (KEDA), and on Cloud Run only Utilization; found Value")]
    public void Load_OtherMetricTypes_AreRejected(string metricType, string path, string message) =>
        LoadReal(OneScaledObject("minReplicaCount: 1", triggers: $"triggers: [{{type: cpu, {metricType} metadata: {{value: \"60\"}}}}]")).ShouldHaveError(path, message);

    [Fact]
    public void Load_UtilizationOnAnExternalTrigger_IsRejected() =>
        LoadReal(OneScaledObject(triggers: $"triggers:\n  - {Kafka.Replace("{type: kafka,", "{type: kafka, metricType: Utilization,", StringComparison.Ordinal)}"))
            .ShouldHaveError(T0 + ".metricType", "Utilization is not supported for external metrics; use AverageValue or Value");

    [Fact]
    public void Load_UnknownMetricTypeOnCpu_ListsUtilization() =>
        LoadReal(OneScaledObject("minReplicaCount: 1", triggers: "triggers: [{type: cpu, metricType: Utilisation, metadata: {value: \"60\"}}]"))
            .ShouldHaveError(T0 + ".metricType", "expected one of AverageValue, Value, Utilization (did you mean \"Utilization\"?)");

    [Fact]
    public void Load_FallbackWithOnlyCpu_IsRejectedWithKedasReason() =>
        LoadReal(OneScaledObject("minReplicaCount: 1\nfallback: {failureThreshold: 3, replicas: 2}", triggers: "triggers: [{type: cpu, metricType: Utilization, metadata: {value: \"60\"}}]"))
            .ShouldHaveError(So + ".fallback", "at least one trigger (that is not cpu or memory) has to have the `AverageValue` type for the fallback to be enabled");

    [Fact]
    public void Load_FallbackWithCpuAndKafka_IsValid() =>
        LoadReal(OneScaledObject("fallback: {failureThreshold: 3, replicas: 2}", triggers: $"triggers:\n  - {{type: cpu, metricType: Utilization, metadata: {{value: \"60\"}}}}\n  - {Kafka}")).ShouldBeValid();

    [Fact]
    public void Load_UseCachedMetricsOnMemory_IsRejected() =>
        LoadReal(OneScaledObject("minReplicaCount: 1", triggers: "triggers: [{type: memory, metricType: Utilization, useCachedMetrics: true, metadata: {value: \"60\"}}]"))
            .ShouldHaveError(T0 + ".useCachedMetrics", "property \"useCachedMetrics\" is not supported for \"memory\" scaler");

    [Fact]
    public void Load_UseCachedMetricsOnCron_IsRejectedAsKedaDoes() =>
        LoadReal(OneScaledObject("minReplicaCount: 0", triggers: "triggers: [{type: cron, useCachedMetrics: true, metadata: {timezone: UTC, start: \"0 8 * * *\", end: \"0 18 * * *\", desiredReplicas: \"3\"}}]"))
            .ShouldHaveError(T0 + ".useCachedMetrics", "property \"useCachedMetrics\" is not supported for \"cron\" scaler");

    [Fact]
    public void Load_UseCachedMetricsOnKafka_IsAccepted() =>
        LoadReal(OneScaledObject("minReplicaCount: 0", triggers: "triggers: [{type: kafka, useCachedMetrics: true, metadata: {bootstrapServers: \"kafka:9092\", consumerGroup: g, topic: t}}]"))
            .IsValid.ShouldBeTrue();

    [Fact]
    public void Load_MetadataErrors_NameTheKeys()
    {
        var result = LoadReal(OneScaledObject("minReplicaCount: 1", triggers: "triggers: [{type: cpu, metricType: Utilization, metadata: {value: \"50%\", containerName: app}}]"));

        result.ShouldHaveError(T0 + ".metadata.value", "\"50%\" is not an integer");
        result.ShouldHaveError(T0 + ".metadata.containerName", "cannot select container \"app\"");
    }
}
