using Crema.Abstractions;
using Crema.Scalers.Beanstalkd;
using static Crema.Tests.Scalers.Beanstalkd.BeanstalkdTriggers;

namespace Crema.Tests.Scalers.Beanstalkd;

public class BeanstalkdMetadataTests
{
    [Fact]
    public void Type_IsBeanstalkd()
    {
        Factory.Type.ShouldBe("beanstalkd");
        Factory.Aliases.ShouldBeEmpty();
    }

    [Fact]
    public void Bind_MinimalMetadata_AppliesDefaults()
    {
        var (metadata, errors) = Bind("");

        errors.ShouldBeEmpty();
        metadata.ShouldBe(new BeanstalkdMetadata("localhost", 3000, "default", 5, 0, false, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Bind_EveryField_ReadsEachValue()
    {
        var (metadata, errors) = Bind("server= beanstalkd.jobs.internal:11301 |tube=emails.high|value=2.5|activationValue=1.5|includeDelayed=TRUE|timeout=5s");

        errors.ShouldBeEmpty();
        metadata.ShouldBe(new BeanstalkdMetadata("beanstalkd.jobs.internal", 11301, "emails.high", 2.5, 1.5, true, TimeSpan.FromSeconds(5)));
    }

    // KEDA's testBeanstalkdMetadata (beanstalkd_scaler_test.go), every case, with its expected outcome.
    [Theory]
    [InlineData("", true)]
    [InlineData("server=localhost:3000|tube=delayed|value=1|includeDelayed=true", false)]
    [InlineData("server=localhost:3000|tube=no-delayed|value=1", false)]
    [InlineData("tube=stats-tube|value=1|includeDelayed=true", true)]
    [InlineData("server=localhost:3000|value=1|includeDelayed=true", true)]
    [InlineData("server=localhost:3000|tube=stats-tube|includeDelayed=true", true)]
    [InlineData("server=localhost:3000|tube=stats-tube|value=lots|includeDelayed=true", true)]
    [InlineData("server=localhost:3000|tube=stats-tube|value=1|includeDelayed=true|timeout=1000", false)]
    [InlineData("server=localhost:3000|tube=stats-tube|value=1|includeDelayed=true|timeout=-1", true)]
    [InlineData("server=localhost:3000|tube=stats-tube|value=1|activationValue=10", false)]
    [InlineData("server=localhost:3000|tube=stats-tube|value=1|activationValue=AA", true)]
    public void Bind_KedaParseCases_AcceptOrRejectAsKeda(string metadata, bool isError)
    {
        var (bound, errors) = Bind(metadata, baseline: "");

        (errors.Count > 0).ShouldBe(isError, string.Join("; ", errors));
        if (!isError)
        {
            bound.IncludeDelayed.ShouldBe(metadata.Contains("includeDelayed=true", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("timeout=1000", 1000)] // integer milliseconds, as KEDA 2.20's typed config reads a duration
    [InlineData("timeout=30", 30)]
    [InlineData("timeout=2s", 2000)]
    [InlineData("timeout=0", 30000)]
    [InlineData("timeout=", 30000)]
    public void Bind_Timeout_GoDurationOrMilliseconds(string change, int milliseconds)
    {
        var (metadata, errors) = Bind(change);

        errors.ShouldBeEmpty();
        metadata.Timeout.ShouldBe(TimeSpan.FromMilliseconds(milliseconds));
    }

    [Theory]
    [InlineData("beanstalkd", "beanstalkd", 11300)]
    [InlineData("beanstalkd:11400", "beanstalkd", 11400)]
    [InlineData("10.1.2.3", "10.1.2.3", 11300)]
    [InlineData("[fd00::5]:11301", "fd00::5", 11301)]
    [InlineData("[fd00::5]", "fd00::5", 11300)]
    public void ParseServer_HostAndOptionalPort_DefaultsTo11300(string server, string host, int port)
    {
        BeanstalkdScalerFactory.ParseServer(server).ShouldBe((host, port));
    }

    [Theory]
    [InlineData("-server", "server", "is required")]
    [InlineData("server=tcp://beanstalkd:11300", "server", "\"tcp://beanstalkd:11300\" is not host or host:port (the port defaults to 11300)")]
    [InlineData("server=beanstalkd:port", "server", "\"beanstalkd:port\" is not host or host:port (the port defaults to 11300)")]
    [InlineData("server=beanstalkd:0", "server", "\"beanstalkd:0\" is not host or host:port (the port defaults to 11300)")]
    [InlineData("-tube", "tube", "is required")]
    [InlineData("tube=-jobs", "tube", "must not start with '-' (beanstalkd's name format)")]
    [InlineData("tube=jobs now", "tube", "may hold only letters, digits and - + / ; . $ _ ( ) (beanstalkd's name format)")]
    [InlineData("tube=jobs\r\ndelete 1", "tube", "may hold only letters, digits and - + / ; . $ _ ( ) (beanstalkd's name format)")]
    [InlineData("-value", "value", "is required")]
    [InlineData("value=lots", "value", "\"lots\" is not a number")]
    [InlineData("activationValue=AA", "activationValue", "\"AA\" is not a number")]
    [InlineData("includeDelayed=yes", "includeDelayed", "\"yes\" is not a boolean (true or false)")]
    [InlineData("timeout=-1", "timeout", "\"-1\" is not a duration (Go-style like 30s or 2m, or integer milliseconds)")]
    [InlineData("timeout=-1s", "timeout", "must be at least 0ms, found -1s")]
    [InlineData("timeout=soon", "timeout", "\"soon\" is not a duration (Go-style like 30s or 2m, or integer milliseconds)")]
    public void Bind_InvalidMetadata_ReportsOneExactError(string change, string key, string message)
    {
        var (_, errors) = Bind(change);

        errors.Select(e => (e.Key, e.Message)).ShouldBe([(key, message)]);
    }

    [Fact]
    public void Bind_TubeLongerThanBeanstalkdAllows_IsAnError()
    {
        var (_, errors) = Bind("tube=" + new string('a', 201));

        errors.Select(e => (e.Key, e.Message)).ShouldBe([("tube", "is 201 characters long; beanstalkd allows at most 200")]);
        Bind("tube=" + new string('a', 200)).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Bind_SeveralProblems_ReportsEveryErrorInOnePass()
    {
        var (_, errors) = Bind("-server|-tube|value=x|timeout=soon");

        errors.Select(e => e.Key).ShouldBe(["server", "tube", "value", "timeout"]);
    }

    // KEDA's testTubeStatsTestData: ready, delayed, includeDelayed, activationValue -> the count and activity.
    [Theory]
    [InlineData(10, 0, false, 0, 10, true)]
    [InlineData(1, 0, false, 2, 1, false)]
    [InlineData(0, 10, false, 0, 0, false)]
    [InlineData(0, 10, true, 0, 10, true)]
    public void Jobs_ReadyAndDelayed_CountAsKeda(long ready, long delayed, bool includeDelayed, double activation, long expected, bool active)
    {
        var (metadata, _) = Bind($"includeDelayed={includeDelayed}|activationValue={activation}");
        var stats = new BeanstalkdTubeStats(ready, 0, delayed, Buried: 6);

        var jobs = metadata.Jobs(stats);

        jobs.ShouldBe(expected);
        metadata.ToReading(jobs).ShouldBe(new Crema.Abstractions.MetricReading(expected, 5, active));
    }

    [Fact]
    public void Jobs_ReservedJobs_AreCounted()
    {
        var (metadata, _) = Bind("");

        metadata.Jobs(new BeanstalkdTubeStats(2, 3, 4, 5)).ShouldBe(5);
    }
}
