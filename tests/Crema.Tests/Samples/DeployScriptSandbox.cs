using Crema.Tests.Support;

namespace Crema.Tests.Samples;

/// <summary>
/// A throwaway git repository holding a copy of samples/cloud-run (the script reads the commit from the
/// repository it sits in), a config file beside it, and the fake gcloud (FakeGcloud/gcloud) first on PATH.
/// Resources the fake creates persist across runs, as a project's do.
/// </summary>
internal sealed class DeployScriptSandbox : IDisposable
{
    private static readonly string Samples = Path.Combine(RepositoryRoot.Path, "samples", "cloud-run");
    private static readonly string FakeGcloud = Path.Combine(RepositoryRoot.Path, "tests", "Crema.Tests", "Samples", "FakeGcloud");
    private readonly string root = Directory.CreateTempSubdirectory("crema-deploy-").FullName;
    private int runs;

    private DeployScriptSandbox()
    {
    }

    public string Commit { get; private set; } = "";

    private string Repository => Path.Combine(root, "repo");

    private string State => Path.Combine(root, "state");

    public static async Task<DeployScriptSandbox> CreateAsync(string config)
    {
        var sandbox = new DeployScriptSandbox();
        var target = Directory.CreateDirectory(Path.Combine(sandbox.Repository, "samples", "cloud-run")).FullName;
        foreach (var file in new[] { "deploy.sh", "cloudbuild.yaml" })
        {
            File.Copy(Path.Combine(Samples, file), Path.Combine(target, file));
        }
        await File.WriteAllTextAsync(Path.Combine(sandbox.root, "crema.yaml"), config);
        await sandbox.GitAsync("init", "-q");
        await sandbox.GitAsync("add", "-A");
        await sandbox.GitAsync("-c", "user.name=crema", "-c", "user.email=crema@example.invalid", "commit", "-q", "-m", "sample");
        sandbox.Commit = (await sandbox.GitAsync("rev-parse", "--short", "HEAD")).Trim();
        return sandbox;
    }

    /// <summary>Runs deploy.sh from the sandbox's root with <paramref name="settings"/>; returns its result and every gcloud call it made.</summary>
    public async Task<DeployRun> RunAsync(IReadOnlyDictionary<string, string> settings)
    {
        runs++;
        var log = Path.Combine(root, $"calls-{runs}.log");
        var environment = new Dictionary<string, string>(settings)
        {
            ["PATH"] = FakeGcloud + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["FAKE_GCLOUD_LOG"] = log,
            ["FAKE_GCLOUD_STATE"] = State,
        };
        var (exitCode, output, errors) = await ToolRun.RunAsync(
            "/bin/bash", [Path.Combine(Repository, "samples", "cloud-run", "deploy.sh")], root, environment, TimeSpan.FromMinutes(1));
        var calls = File.Exists(log)
            ? (await File.ReadAllLinesAsync(log)).Select(line => string.Join(' ', line.Split('\x1f'))).ToList()
            : [];
        Directory.CreateDirectory(State);
        var manifest = Path.Combine(State, $"manifest-{Directory.GetFiles(State, "manifest-*").Length}.yaml");
        return new DeployRun(exitCode, output + errors, calls, File.Exists(manifest) ? await File.ReadAllTextAsync(manifest) : "");
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private async Task<string> GitAsync(params string[] arguments)
    {
        var (exitCode, output, errors) = await ToolRun.RunAsync("/usr/bin/git", arguments, Repository);
        exitCode.ShouldBe(0, errors);
        return output;
    }
}
