using Crema.Scalers.Beanstalkd;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Beanstalkd;

public class BeanstalkdStatsParserTests
{
    [Fact]
    public void Parse_RealStatsTubeReply_ReadsEachCount()
    {
        // Captured from beanstalkd 1.12: 4 jobs put and 1 delayed; 2 reserved, one of them then buried.
        var body = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "Crema.Tests", "Scalers", "Beanstalkd", "Captured", "stats-tube-jobs.yaml.txt"));

        BeanstalkdStatsParser.Parse(body).ShouldBe(new BeanstalkdTubeStats(2, 1, 1, 1));
    }

    // KEDA's testTubeStatsTestData response, as yaml.Marshal writes the map (sorted keys, no "---").
    [Fact]
    public void Parse_KedaTestResponse_ReadsEachCount()
    {
        const string body = "cmd-delete: 18\ncmd-pause-tube: 0\ncurrent-jobs-buried: 6\ncurrent-jobs-delayed: 0\ncurrent-jobs-ready: 10\n"
            + "current-jobs-reserved: 0\ncurrent-jobs-urgent: 0\ncurrent-using: 3\ncurrent-waiting: 3\ncurrent-watching: 3\n"
            + "name: form-crawler-notifications\npause: 0\npause-time-left: 0\ntotal-jobs: 24\n";

        BeanstalkdStatsParser.Parse(body).ShouldBe(new BeanstalkdTubeStats(10, 0, 0, 6));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("---\nname: x\n", 0)]
    [InlineData("---\r\ncurrent-jobs-ready: 7\r\n", 7)]
    [InlineData("current-jobs-ready:7\ncurrent-jobs-ready: 8", 8)]
    [InlineData("garbage line\ncurrent-jobs-ready: 9\n", 9)]
    public void Parse_MissingOrOddLines_AreSkippedAndAbsentCountsReadAsZero(string body, long ready)
    {
        BeanstalkdStatsParser.Parse(body).Ready.ShouldBe(ready);
    }

    [Theory]
    [InlineData("current-jobs-ready: many", "stats-tube current-jobs-ready \"many\" is not an integer")]
    [InlineData("current-jobs-delayed: 1.5", "stats-tube current-jobs-delayed \"1.5\" is not an integer")]
    [InlineData("current-jobs-reserved: \u001b[2J", "stats-tube current-jobs-reserved \"\\x1b[2J\" is not an integer")]
    public void Parse_CountNotAnInteger_FailsWithEscapedText(string body, string message)
    {
        Should.Throw<BeanstalkdException>(() => BeanstalkdStatsParser.Parse(body)).Message.ShouldBe(message);
    }
}
