using System.Text.RegularExpressions;
using Crema.Host.Observability;
using Microsoft.Extensions.Logging;

namespace Crema.Tests.Observability;

public sealed partial class CremaTextFormatterTests
{
    [Fact]
    public void Write_GeneratedLogEvent_OneLineNamingTheEventNotItsNumber()
    {
        using var writer = new StringWriter();
        using (var factory = LoggerFactory.Create(b => b.AddProvider(new TextWriterLoggerProvider(writer, new CremaTextFormatter()))))
        {
            LogTriggerFailed(factory.CreateLogger("Crema.Loop"), "pool-a", "queue");
        }

        var line = writer.ToString();
        line.Count(c => c == '\n').ShouldBe(1);
        line.ShouldMatch(@"^\d\d:\d\d:\d\d WARNING Crema\.Loop\[TriggerFailed\] pool-a: trigger queue failed\n$");
    }

    [Fact]
    public void Write_Exception_StaysOnOneLine()
    {
        using var writer = new StringWriter();
        using (var factory = LoggerFactory.Create(b => b.AddProvider(new TextWriterLoggerProvider(writer, new CremaTextFormatter()))))
        {
            factory.CreateLogger("Crema.Loop").LogError(new EventId(7, "PollFailed"), new InvalidOperationException("first\nsecond"), "poll failed");
        }

        var text = writer.ToString();
        text.Count(c => c == '\n').ShouldBe(1);
        Regex.IsMatch(text, @"ERROR Crema\.Loop\[PollFailed\] poll failed \| System.InvalidOperationException: first \| second").ShouldBeTrue(text);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ScaledObject}: trigger {Trigger} failed")]
    private static partial void LogTriggerFailed(ILogger logger, string scaledObject, string trigger);
}
