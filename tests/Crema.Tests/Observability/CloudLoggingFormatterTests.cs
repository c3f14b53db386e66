using System.Text.Json;
using Crema.Host.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crema.Tests.Observability;

public sealed class CloudLoggingFormatterTests
{
    [Fact]
    public void Write_StructuredMessage_OneJsonLineWithSeverityMessageTimeAndFields()
    {
        var state = new List<KeyValuePair<string, object?>>
        {
            new("ScaledObject", "renderer"),
            new("Replicas", 5),
            new("{OriginalFormat}", "{ScaledObject}: scale to {Replicas}"),
        };
        var entry = new LogEntry<List<KeyValuePair<string, object?>>>(LogLevel.Warning, "Crema.ScalingLoop", default, state, null, (_, _) => "renderer: scale to 5");
        using var writer = new StringWriter();

        new CloudLoggingFormatter().Write(entry, null, writer);

        var text = writer.ToString();
        text.ShouldEndWith("\n");
        text.Count(c => c == '\n').ShouldBe(1);
        using var json = JsonDocument.Parse(text);
        json.RootElement.GetProperty("severity").GetString().ShouldBe("WARNING");
        json.RootElement.GetProperty("message").GetString().ShouldBe("renderer: scale to 5");
        json.RootElement.GetProperty("scaledObject").GetString().ShouldBe("renderer");
        json.RootElement.GetProperty("replicas").GetDouble().ShouldBe(5);
        DateTimeOffset.Parse(json.RootElement.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(DateTimeOffset.UnixEpoch);
        json.RootElement.TryGetProperty("{OriginalFormat}", out _).ShouldBeFalse();
    }
}
