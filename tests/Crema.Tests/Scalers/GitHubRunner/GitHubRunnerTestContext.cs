using Crema.Abstractions;
using Crema.Scalers.GitHubRunner;

namespace Crema.Tests.Scalers.GitHubRunner;

/// <summary>Builds github-runner trigger contexts and scalers for tests.</summary>
internal static class GitHubRunnerTestContext
{
    public const string Token = "ghp_test_token_0123456789";

    public static ScalerContext Context(
        IDictionary<string, string> metadata,
        IDictionary<string, string>? auth = null,
        TimeProvider? time = null,
        bool validationOnly = false,
        IReadOnlyDictionary<string, string>? environment = null) => new()
        {
            TriggerType = "github-runner",
            TriggerName = "runners",
            ScaledObjectName = "pool",
            Metadata = new Dictionary<string, string>(metadata),
            AuthParams = new Dictionary<string, string>(auth ?? new Dictionary<string, string> { ["personalAccessToken"] = Token }),
            TimeProvider = time ?? TimeProvider.System,
            ValidationOnly = validationOnly,
            Environment = name => environment?.GetValueOrDefault(name),
        };

    public static IScaler Scaler(
        string apiUrl,
        TimeProvider time,
        IDictionary<string, string>? extra = null,
        IDictionary<string, string>? auth = null)
    {
        var metadata = new Dictionary<string, string>
        {
            ["githubApiURL"] = apiUrl,
            ["owner"] = "acme",
            ["runnerScope"] = "org",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            metadata[key] = value;
        }
        return new GitHubRunnerScalerFactory().Create(Context(metadata, auth, time));
    }
}
