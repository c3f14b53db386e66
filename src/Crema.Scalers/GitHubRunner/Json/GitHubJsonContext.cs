using System.Text.Json.Serialization;

namespace Crema.Scalers.GitHubRunner.Json;

/// <summary>Source-generated serializers for the GitHub replies we read.</summary>
[JsonSerializable(typeof(IReadOnlyList<GitHubRepository>))]
[JsonSerializable(typeof(GitHubWorkflowRunsPage))]
[JsonSerializable(typeof(GitHubJobsPage))]
[JsonSerializable(typeof(GitHubInstallationToken))]
[JsonSerializable(typeof(GitHubErrorBody))]
internal sealed partial class GitHubJsonContext : JsonSerializerContext;
