using System.Globalization;
using Crema.Abstractions;

namespace Crema.Scalers.AwsSqs;

/// <summary>Sums the queue attributes GetQueueAttributes returned, as KEDA does: every asked-for one must be there and an integer.</summary>
internal static class AwsSqsAttributes
{
    /// <summary>Messages available for retrieval.</summary>
    public const string Visible = "ApproximateNumberOfMessages";

    /// <summary>Messages received but not yet deleted (in flight).</summary>
    public const string NotVisible = "ApproximateNumberOfMessagesNotVisible";

    /// <summary>Messages waiting for their delay to pass.</summary>
    public const string Delayed = "ApproximateNumberOfMessagesDelayed";

    /// <summary>The sum of <paramref name="names"/> in <paramref name="attributes"/>; throws when one is missing or not an integer.</summary>
    public static long Sum(IReadOnlyList<string> names, IReadOnlyDictionary<string, string>? attributes, string queue)
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
                throw new AwsSqsException($"aws-sqs-queue: queue {queue}: attribute {name} is \"{UntrustedText.Escape(text.Length > 40 ? text[..40] + "..." : text)}\", not an integer");
            }
            total = checked(total + value);
        }
        return total;
    }
}
