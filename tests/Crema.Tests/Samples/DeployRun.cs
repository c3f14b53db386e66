namespace Crema.Tests.Samples;

/// <summary>One run of samples/cloud-run/deploy.sh: its exit code, output and errors, the gcloud calls (arguments joined by spaces) and the service manifest it deployed, if any.</summary>
internal sealed record DeployRun(int ExitCode, string Output, IReadOnlyList<string> Calls, string Manifest)
{
    public IEnumerable<string> Bindings => Calls.Where(call => call.Contains(" add-iam-policy-binding ", StringComparison.Ordinal));
}
