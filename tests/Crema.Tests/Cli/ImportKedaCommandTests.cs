namespace Crema.Tests.Cli;

public sealed class ImportKedaCommandTests : IDisposable
{
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task ImportKeda_ValidManifests_PrintsConfigAndSaysItIsValid()
    {
        var path = files.Write("keda.yaml", """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: runners}
            spec:
              scaleTargetRef: {name: runners}
              triggers:
                - type: github-runner
                  metadata: {owner: acme, runnerScope: org}
                  authenticationRef: {name: gh}
            ---
            apiVersion: keda.sh/v1alpha1
            kind: TriggerAuthentication
            metadata: {name: gh}
            spec:
              secretTargetRef: [{parameter: personalAccessToken, name: github, key: token}]
            """);

        var run = await CliRun.RunAsync("import-keda", path, "--project", "my-project", "--region", "us-central1");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldStartWith("apiVersion: crema/v1\nkind: CremaConfig\nspec:\n  triggerAuthentications:\n");
        run.Output.ShouldContain("name: projects/my-project/locations/us-central1/workerPools/runners");
        run.ErrorLines.ShouldBe(["imported: valid: 1 scaled object(s), 1 trigger(s) (github-runner), 1 trigger authentication(s)"]);
    }

    [Fact]
    public async Task ImportKeda_RemainingDifference_ExitsOneAndNamesIt()
    {
        var path = files.Write("keda.yaml", """
            kind: ScaledObject
            metadata: {name: q}
            spec:
              scaleTargetRef: {name: q}
              triggers: [{type: mssql, metadata: {query: "select 1"}}]
            """);

        var run = await CliRun.RunAsync("import-keda", path, "--project", "my-project", "--region", "us-central1");

        run.ExitCode.ShouldBe(1);
        run.Output.ShouldContain("type: mssql");
        run.Error.ShouldContain("imported:10:25: spec.scaledObjects[0].spec.triggers[0].type:");
        run.Error.ShouldContain("\"mssql\" is a KEDA scaler Crema does not include");
        run.ErrorLines[^1].ShouldBe("imported: 1 error(s) to fix before use");
    }

    [Fact]
    public async Task ImportKeda_MissingFile_ExitsTwo()
    {
        var run = await CliRun.RunAsync("import-keda", Path.Combine(files.Directory, "none.yaml"));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("none.yaml: cannot read");
        run.Output.ShouldBeEmpty();
    }
}
