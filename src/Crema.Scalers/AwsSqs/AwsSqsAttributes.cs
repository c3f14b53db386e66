using System.Globalization;
using Crema.Scalers.Http;

namespace Crema.Scalers.AwsSqs;

/// <summary>
/// Sums the queue attributes GetQueueAttributes returned, as KEDA does: every asked-for one must be there and an integer.
/// A negative count reads as 0 and the sum saturates at long.MaxValue.
/// </summary>
internal static class AwsSqsAttributes
{
    /// <summary>Messages available for retrieval.</summary>
    public const string Visible = "ApproximateNumberOfMessages";

    /// <summary>Messages received but not yet deleted (in flight).</summary>
    public const string NotVisible = "ApproximateNumberOfMessagesNotVisible";

    /// <summary>Messages waiting for their delay to pass.</summary>
    public const string Delayed = "ApproximateNumberOfMessagesDelayed";

    /// <summary>
    /// The sum of <paramref name="names"/> in <paramref name="attributes"/>; throws when one is missing or not an integer,
    /// quoting the value cleared of the secrets <paramref name="redactor"/> knows (before it is cut short, so no part survives).
    /// </summary>
    public static long Sum(IReadOnlyList<string> names, IReadOnlyDictionary<string, string>? attributes, string queue, SecretRedactor? redactor = null)
    {
        long total = 0;
        foreach (var name in names)
        {
            if (attributes is null || !attributes.TryGetValue(name, out var text))
            {
                throw new AwsSqsException($"aws-sqs-queue: queue {queue}: attribute {name} is missing from the GetQueueAttributes response");
            }
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                var shown = (redactor ?? SecretRedactor.None).Clean(text);
                throw new AwsSqsException($"aws-sqs-queue: queue {queue}: attribute {name} is \"{(shown.Length > 40 ? shown[..40] + "..." : shown)}\", not an integer");
            }
            // Counts are never negative, and a sum past long.MaxValue stays there rather than wrapping or throwing.
            value = Math.Max(0, value);
            total = value > long.MaxValue - total ? long.MaxValue : total + value;
        }
        return total;
    }
}
