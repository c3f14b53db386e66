using System.Globalization;
using System.Text.Json;

namespace Crema.Scalers.Prometheus;

/// <summary>
/// Turns a <c>/api/v1/query</c> response into one value, with KEDA's rules: an empty result, and
/// NaN or Inf, read as 0 when <c>ignoreNullValues</c> (else an error); more than one series is an
/// error; a scalar result is accepted.
/// </summary>
internal static class PrometheusResponseParser
{
    private const string IgnoreNullHint = "set ignoreNullValues: true to read it as 0";

    /// <summary>Reads a response body; returns the value, or throws <see cref="PrometheusQueryException"/>.</summary>
    public static double Parse(byte[] body, bool ignoreNullValues)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new PrometheusQueryException("prometheus response is not valid JSON");
        }
        using (document)
        {
            try
            {
                return Parse(document.RootElement, ignoreNullValues);
            }
            catch (InvalidOperationException)
            {
                // System.Text.Json refuses to read a string holding a lone surrogate escape ("\ud800").
                throw new PrometheusQueryException("prometheus response holds a string that is not valid text");
            }
        }
    }

    /// <summary>Returns the value, or throws <see cref="PrometheusQueryException"/>.</summary>
    public static double Parse(JsonElement root, bool ignoreNullValues)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new PrometheusQueryException("prometheus response is not a JSON object");
        }
        var status = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        if (status != "success")
        {
            throw new PrometheusQueryException($"prometheus query failed: {ErrorText(root)}");
        }
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("result", out var result))
        {
            throw new PrometheusQueryException("prometheus response has no data.result");
        }
        var resultType = data.TryGetProperty("resultType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return resultType switch
        {
            "vector" => ParseVector(result, ignoreNullValues),
            "scalar" => ParseSample(result, ignoreNullValues),
            _ => throw new PrometheusQueryException(
                $"prometheus query returned resultType \"{Shorten(resultType ?? "")}\"; use an instant query that returns one series or a scalar"),
        };
    }

    private static double ParseVector(JsonElement result, bool ignoreNullValues)
    {
        if (result.ValueKind != JsonValueKind.Array)
        {
            throw new PrometheusQueryException("prometheus response data.result is not an array");
        }
        var count = result.GetArrayLength();
        if (count > 1)
        {
            throw new PrometheusQueryException(
                $"prometheus query returned {count} series; it must return at most one (aggregate it, for example with sum(...))");
        }
        if (count == 0 || result[0].ValueKind != JsonValueKind.Object || !result[0].TryGetProperty("value", out var sample))
        {
            return ignoreNullValues
                ? 0
                : throw new PrometheusQueryException($"prometheus query returned an empty result (the target may be lost); {IgnoreNullHint}");
        }
        return ParseSample(sample, ignoreNullValues);
    }

    /// <summary>A sample is <c>[unixTime, "value"]</c>.</summary>
    private static double ParseSample(JsonElement sample, bool ignoreNullValues)
    {
        if (sample.ValueKind != JsonValueKind.Array || sample.GetArrayLength() < 2 || sample[1].ValueKind != JsonValueKind.String)
        {
            throw new PrometheusQueryException("prometheus query did not return a [time, \"value\"] sample");
        }
        var text = sample[1].GetString()!;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            // Prometheus writes NaN, +Inf and -Inf in Go's spelling.
            value = text switch
            {
                "NaN" => double.NaN,
                "+Inf" or "Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                _ => throw new PrometheusQueryException($"prometheus value \"{Shorten(text)}\" is not a number"),
            };
        }
        if (double.IsFinite(value))
        {
            return value;
        }
        return ignoreNullValues
            ? 0
            : throw new PrometheusQueryException($"prometheus query returned {text}; {IgnoreNullHint}");
    }

    private static string ErrorText(JsonElement root)
    {
        var errorType = root.TryGetProperty("errorType", out var et) && et.ValueKind == JsonValueKind.String ? et.GetString() : null;
        var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        return (errorType, error) switch
        {
            (null, null) => "the response status is not \"success\"",
            (null, _) => Shorten(error!),
            (_, null) => Shorten(errorType!),
            _ => $"{Shorten(errorType!)}: {Shorten(error!)}",
        };
    }

    private static string Shorten(string text) => Crema.Abstractions.UntrustedText.Escape(text.Length <= 200 ? text : text[..200] + "…");
}
