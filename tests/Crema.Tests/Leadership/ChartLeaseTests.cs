using Crema.Host.Cli;
using Crema.Host.Leadership;
using Crema.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Crema.Tests.Leadership;

/// <summary>The Helm chart's lease wiring: values in range, the options the daemon reads, and RBAC for exactly what the lease store calls.</summary>
public sealed class ChartLeaseTests
{
    private static readonly string Chart = Path.Combine(RepositoryRoot.Path, "charts", "crema");

    [Fact]
    public void Values_LeaderElection_OnWithADurationCremaAccepts()
    {
        var values = Load(Path.Combine(Chart, "values.yaml"));
        var election = (YamlMappingNode)values.Children[new YamlScalarNode("leaderElection")];

        ((YamlScalarNode)election.Children[new YamlScalarNode("enabled")]).Value.ShouldBe("true");
        int.Parse(((YamlScalarNode)election.Children[new YamlScalarNode("durationSeconds")]).Value!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeInRange(LeaseOptions.MinDurationSeconds, LeaseOptions.MaxDurationSeconds);
        ((YamlScalarNode)values.Children[new YamlScalarNode("replicaCount")]).Value.ShouldBe("1");
    }

    [Fact]
    public void Deployment_SetsTheLeaseVariablesTheDaemonReads()
    {
        var deployment = File.ReadAllText(Path.Combine(Chart, "templates", "deployment.yaml"));

        deployment.ShouldContain($"- name: {LeaseArguments.LeaseVariable}");
        deployment.ShouldContain("printf \"k8s://%s/%s\" .Release.Namespace");
        deployment.ShouldContain($"- name: {LeaseArguments.DurationVariable}");
        deployment.ShouldContain("- name: POD_NAME");
        deployment.ShouldContain("fieldPath: metadata.name");
    }

    [Fact]
    public void Rbac_GrantsGetCreateAndUpdateOnLeasesOnly()
    {
        var rbac = File.ReadAllText(Path.Combine(Chart, "templates", "rbac.yaml"));

        rbac.ShouldContain("kind: Role\n");
        rbac.ShouldContain("kind: RoleBinding\n");
        rbac.ShouldContain("apiGroups: [\"coordination.k8s.io\"]");
        rbac.ShouldContain("verbs: [\"create\"]");
        rbac.ShouldContain("verbs: [\"get\", \"update\"]");
        rbac.ShouldNotContain("delete");
        rbac.ShouldNotContain("\"*\"");
    }

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(path));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
