using Confluent.Kafka;
using Crema.Scalers.Kafka;

namespace Crema.Tests.Scalers.Kafka;

public sealed class KafkaClientErrorsTests
{
    [Fact]
    public async Task PendingFailure_BeforeAnySuccess_ReportsAnEarlierConnectionFailureOnce()
    {
        var errors = new KafkaClientErrors();
        errors.Report(new Error(ErrorCode.Local_Authentication, "b:9092/bootstrap: SASL authentication error"));

        var first = errors.PendingFailure();
        first.IsCompletedSuccessfully.ShouldBeTrue();
        (await first).ShouldBe("b:9092/bootstrap: SASL authentication error");
        errors.Consume(first);

        errors.PendingFailure().IsCompleted.ShouldBeFalse("a failure is reported to one round of requests");
    }

    [Fact]
    public void PendingFailure_AfterASuccess_IgnoresFailuresBetweenRequestsButNotDuringOne()
    {
        var errors = new KafkaClientErrors();
        errors.Clear();
        errors.Report(new Error(ErrorCode.Local_AllBrokersDown, "1/1 brokers are down"));

        var pending = errors.PendingFailure();
        pending.IsCompleted.ShouldBeFalse("idle disconnects between polls must not fail the next poll untried");
        errors.LastReason.ShouldBe("1/1 brokers are down");

        errors.Report(new Error(ErrorCode.Local_AllBrokersDown, "1/1 brokers are down"));
        pending.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public async Task Report_AllBrokersDown_CarriesTheBrokersOwnReason()
    {
        var errors = new KafkaClientErrors();
        errors.ReportLog(new LogMessage("rdkafka", SyslogLevel.Error, "FAIL", "b:9092/bootstrap: Connect to ipv4#10.0.0.1:9092 failed: Connection refused"));
        errors.ReportLog(new LogMessage("rdkafka", SyslogLevel.Debug, "CONNECT", "noise"));
        errors.Report(new Error(ErrorCode.Local_AllBrokersDown, "1/1 brokers are down"));

        (await errors.PendingFailure()).ShouldBe("b:9092/bootstrap: Connect to ipv4#10.0.0.1:9092 failed: Connection refused (1/1 brokers are down)");
    }

    [Fact]
    public void Report_TransportError_IsARecordedReasonButNoFailure()
    {
        var errors = new KafkaClientErrors();
        errors.Report(new Error(ErrorCode.Local_Transport, "b:9092/1: Disconnected"));

        errors.LastReason.ShouldBe("b:9092/1: Disconnected");
        errors.PendingFailure().IsCompleted.ShouldBeFalse();
    }
}
