using Crema.Abstractions;
using Crema.Scalers.Gcp.CloudTasks;
using Crema.Scalers.Gcp.PubSub;
using Crema.Scalers.Gcp.Stackdriver;

namespace Crema.Tests.Scalers.Gcp;

public sealed class GcpInterpretTests
{
    public static TheoryData<string, string, double, double, bool> Cases => new()
    {
        { "gcp-pubsub", "subscriptionName=sub1", 25, 10, true },
        { "gcp-pubsub", "subscriptionName=sub1;value=5;activationValue=30", 25, 5, false },
        { "gcp-stackdriver", "projectId=p;filter=metric.type=\"m\"", 0, 5, false },
        { "gcp-cloudtasks", "projectID=p;queueName=q;activationValue=1", 2, 100, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Interpret_RawValue_AppliesTargetAndActivation(string type, string pairs, double value, double target, bool active)
    {
        IScalerFactory factory = type switch
        {
            "gcp-pubsub" => new PubSubScalerFactory(),
            "gcp-stackdriver" => new StackdriverScalerFactory(),
            _ => new CloudTasksScalerFactory(),
        };
        var metadata = pairs.Split(';').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

        var reading = factory.Interpret(GcpTestContext.Create(type, metadata), value);

        reading.ShouldBe(new MetricReading(value, target, active));
    }
}
