using Crema.Core.Configuration;
using Crema.Scalers;

namespace Crema.Tests.Configuration;

/// <summary>
/// Inside the daemon the config is validated against the environment its scalers will read, so a
/// <c>keyFromEnv</c> naming an unset or empty variable fails at load, naming the variable (as KEDA fails).
/// </summary>
public sealed class DaemonEnvironmentValidationTests
{
    private static readonly string Config = ConfigTestHelper.OneScaledObject(triggers: """
        triggers:
          - type: rabbitmq
            metadata: {hostFromEnv: RABBIT_URL, queueName: jobs, mode: QueueLength, value: "5"}
        """);

    private static ConfigLoadResult Load(Func<string, string?>? environment) =>
        ConfigLoader.Load(Config, ConfigTestHelper.FileName, BuiltInScalers.CreateRegistry(), environment);

    [Fact]
    public void Load_OutsideTheDaemon_OnlyChecksTheReferenceIsPresent()
    {
        Load(environment: null).ShouldBeValid();
    }

    [Fact]
    public void Load_InTheDaemonWithTheVariableUnset_FailsNamingTheVariableAndItsPlace()
    {
        var result = Load(_ => null);

        result.ShouldHaveError("spec.scaledObjects[0].spec.triggers[0].metadata.hostFromEnv", "environment variable \"RABBIT_URL\" is not set in the daemon's environment");
        result.Errors.Single().ToString().ShouldStartWith("crema.yaml:9:");
    }

    [Fact]
    public void Load_InTheDaemonWithTheVariableEmpty_FailsSayingItIsEmpty()
    {
        var result = Load(name => name == "RABBIT_URL" ? "  " : null);

        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("hostFromEnv names \"RABBIT_URL\", which is empty");
        result.Config.ShouldBeNull();
    }

    [Fact]
    public void Load_InTheDaemonWithTheVariableSet_IsValidAndTheValueStaysOutOfTheConfig()
    {
        var result = Load(name => name == "RABBIT_URL" ? "amqp://user:s3cret@127.0.0.1:5672/" : null);

        result.ShouldBeValid();
        ConfigTestHelper.Describe(result).ShouldNotContain("s3cret");
        result.Config!.Spec.ScaledObjects[0].Spec.Triggers[0].Metadata["hostFromEnv"].ShouldBe("RABBIT_URL");
    }
}
