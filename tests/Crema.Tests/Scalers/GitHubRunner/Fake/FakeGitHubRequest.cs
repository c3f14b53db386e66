namespace Crema.Tests.Scalers.GitHubRunner.Fake;

/// <summary>One request <see cref="FakeGitHubApi"/> answered.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path without the API prefix, for example <c>/repos/acme/app/actions/runs</c>.</param>
/// <param name="Query">Query string including <c>?</c>, or empty.</param>
/// <param name="Status">HTTP status returned.</param>
/// <param name="Conditional">True when it carried If-None-Match.</param>
/// <param name="Headers">The request headers that matter for checks (Accept, X-GitHub-Api-Version, User-Agent, Authorization scheme).</param>
public sealed record FakeGitHubRequest(string Method, string Path, string Query, int Status, bool Conditional, IReadOnlyDictionary<string, string> Headers);
