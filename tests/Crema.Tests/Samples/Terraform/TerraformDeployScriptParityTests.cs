using System.Globalization;
using System.Text.RegularExpressions;
using Crema.Host.Cli;
using Crema.Host.Daemon;
using Crema.Tests.Support;

namespace Crema.Tests.Samples.Terraform;

/// <summary>
/// samples/terraform grants what samples/cloud-run/deploy.sh grants, each role on the same kind of resource, and
/// runs the same service (one instance, CPU always allocated, the same probes, shutdown grace and port).
/// </summary>
public sealed partial class TerraformDeployScriptParityTests
{
    private static readonly string DeployScript = Path.Combine(RepositoryRoot.Path, "samples", "cloud-run", "deploy.sh");

    // The gcloud command group each IAM member resource type stands for.
    private static readonly Dictionary<string, string> GcloudGroupOf = new()
    {
        ["google_project_iam_member"] = "projects",
        ["google_cloud_run_v2_worker_pool_iam_member"] = "run worker-pools",
        ["google_cloud_run_v2_service_iam_member"] = "run services",
        ["google_service_account_iam_member"] = "iam service-accounts",
        ["google_secret_manager_secret_iam_member"] = "secrets",
        ["google_storage_bucket_iam_member"] = "storage buckets",
    };

    [Fact]
    public async Task Roles_MatchDeployScript_EachOnTheSameKindOfResource()
    {
        var script = await File.ReadAllTextAsync(DeployScript);
        var module = await HclParser.ParseAsync(TerraformModuleTests.Module);

        var granted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in module.Files.SelectMany(f => f.Body.Blocks).Where(b => b.Type == "resource" && b.Labels[0].EndsWith("_iam_member", StringComparison.Ordinal)))
        {
            GcloudGroupOf.ShouldContainKey(block.Labels[0]);
            var role = block.Body.Attributes.Single(a => a.Name == "role").Value;
            role.ShouldNotBeNull($"{block.Labels[0]}.{block.Labels[1]}: the role is a constant string");
            granted.Add($"{GcloudGroupOf[block.Labels[0]]} {role}");
        }

        var expected = DeployScriptGrants(script);
        granted.ShouldBe(expected, ignoreOrder: true);
        expected.Count.ShouldBe(9);   // the README's table: run.developer three ways, six more roles, secretAccessor on secrets once
    }

    [Fact]
    public async Task Apis_AreDeployScriptsLessTheImageBuildPlusResourceManager()
    {
        var script = await File.ReadAllTextAsync(DeployScript);
        var main = await File.ReadAllTextAsync(Path.Combine(TerraformModuleTests.Module, "main.tf"));

        var apiLines = script.Split('\n').Where(l => l.Contains("apis=(", StringComparison.Ordinal) || l.Contains("apis+=(", StringComparison.Ordinal));
        var scriptApis = ApiName().Matches(string.Join('\n', apiLines)).Select(m => m.Value).ToHashSet();
        var moduleApis = ApiName().Matches(main).Select(m => m.Value).ToHashSet();

        scriptApis.ShouldContain("artifactregistry.googleapis.com");
        moduleApis.ShouldBe(scriptApis.Except(["artifactregistry.googleapis.com", "cloudbuild.googleapis.com"]).Append("cloudresourcemanager.googleapis.com"), ignoreOrder: true);
    }

    [Fact]
    public async Task Service_OneInstanceCpuAlwaysOnSameProbesGraceAndPortAsDeployScript()
    {
        var script = await File.ReadAllTextAsync(DeployScript);
        var module = await HclParser.ParseAsync(TerraformModuleTests.Module);
        var service = module.Files.Single(f => f.Name == "service.tf").Body.Blocks.Single(b => b.Type == "resource" && b.Labels[0] == "google_cloud_run_v2_service");

        Value(service, "ingress").ShouldBe("INGRESS_TRAFFIC_INTERNAL_ONLY");
        script.ShouldContain("run.googleapis.com/ingress: internal");
        Value(service, "template", "scaling", "min_instance_count").ShouldBe("1");
        Value(service, "template", "scaling", "max_instance_count").ShouldBe("1");
        Value(service, "template", "containers", "resources", "cpu_idle").ShouldBe("false");
        Value(service, "template", "containers", "ports", "container_port").ShouldBe(Probe(script, "startupProbe").Port);

        foreach (var (hcl, yaml) in new[] { ("startup_probe", "startupProbe"), ("liveness_probe", "livenessProbe") })
        {
            var probe = Probe(script, yaml);
            Value(service, "template", "containers", hcl, "http_get", "path").ShouldBe(probe.Path);
            Value(service, "template", "containers", hcl, "http_get", "port").ShouldBe(probe.Port);
            Value(service, "template", "containers", hcl, "period_seconds").ShouldBe(probe.Period);
            Value(service, "template", "containers", hcl, "failure_threshold").ShouldBe(probe.FailureThreshold);
        }

        var env = Nested(service, "template", "containers").Body.Blocks.Where(b => b.Type == "env")
            .ToDictionary(b => b.Body.Attributes.Single(a => a.Name == "name").Value!, b => b.Body.Attributes.Single(a => a.Name == "value"));
        env[ShutdownGraceOption.Variable].Value.ShouldBe(ShutdownGrace.Default.TotalSeconds.ToString(CultureInfo.InvariantCulture));
        env["GOOGLE_CLOUD_PROJECT"].References.Single().Steps.ShouldBe(["project_id"]);
    }

    /// <summary>"GROUP ROLE" for every add-iam-policy-binding in deploy.sh, continuation lines joined.</summary>
    private static HashSet<string> DeployScriptGrants(string script)
    {
        // "gcloud run $group" is worker-pools or services, by the target's kind (the case statement above it).
        script.ShouldContain("services) group=services ;;");
        script.ShouldContain("*) group=worker-pools ;;");
        var joined = script.Replace("\\\n", " ", StringComparison.Ordinal);
        var grants = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Binding().Matches(joined))
        {
            var group = match.Groups["group"].Value;
            var role = match.Groups["role"].Value;
            foreach (var kind in group == "run \"$group\"" ? new[] { "run worker-pools", "run services" } : [group])
            {
                grants.Add($"{kind} {role}");
            }
        }
        return grants;
    }

    private static (string Path, string Port, string? Period, string? FailureThreshold) Probe(string script, string name)
    {
        var match = Regex.Match(script, name + @":\s*\n\s*httpGet: \{path: (?<path>\S+), port: (?<port>\d+)\}\s*\n(?:\s*periodSeconds: (?<period>\d+)\s*\n)?(?:\s*failureThreshold: (?<failure>\d+)\s*\n)?");
        match.Success.ShouldBeTrue($"deploy.sh has a {name} with httpGet");
        return (match.Groups["path"].Value, match.Groups["port"].Value,
            match.Groups["period"].Success ? match.Groups["period"].Value : null,
            match.Groups["failure"].Success ? match.Groups["failure"].Value : null);
    }

    private static HclModule.Block Nested(HclModule.Block block, params string[] path) =>
        path.Aggregate(block, (current, type) => current.Body.Blocks.Single(b => b.Type == type));

    private static string? Value(HclModule.Block block, params string[] path) =>
        Nested(block, path[..^1]).Body.Attributes.SingleOrDefault(a => a.Name == path[^1])?.Value;

    [GeneratedRegex(@"gcloud (?<group>[^|;&\n]+?) add-iam-policy-binding .*?--role (?<role>roles/[A-Za-z.]+)")]
    private static partial Regex Binding();

    [GeneratedRegex(@"[a-z]+\.googleapis\.com")]
    private static partial Regex ApiName();
}
