using Crema.Tests.Support;

namespace Crema.Tests.Samples.Terraform;

/// <summary>
/// samples/terraform checked without Terraform: it parses with HashiCorp's HCL parser and uses only resource
/// types, arguments and blocks of the google provider's schema (required ones set), declared names and built-in
/// functions; deliberately broken copies are each rejected with the file and line of the break.
/// </summary>
public sealed class TerraformModuleTests
{
    internal static readonly string Module = Path.Combine(RepositoryRoot.Path, "samples", "terraform");
    private static readonly TerraformModuleChecker Checker = TerraformModuleChecker.FromFixtures();

    [Fact]
    public async Task Sample_PassesEveryCheck()
    {
        var errors = await Checker.CheckAsync(Module);

        errors.ShouldBeEmpty(string.Join('\n', errors));
        Directory.GetFiles(Module, "*.tf").Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(["iam.tf", "main.tf", "outputs.tf", "service.tf", "variables.tf", "versions.tf"]);
    }

    [Fact]
    public async Task Sample_UsesEveryTypeOfTheSchemaFixture()
    {
        // The fixture holds exactly the types the module uses: one left over would be checked against nothing.
        var module = await HclParser.ParseAsync(Module);
        var used = module.Files.SelectMany(f => f.Body.Blocks).Where(b => b.Type == "resource").Select(b => b.Labels[0]).ToHashSet();

        used.ShouldBe(ProviderSchema.Load().ResourceTypes.Keys, ignoreOrder: true);
    }

    [Fact]
    public async Task Versions_PinTheMajorOfTheSchemaFixture()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Module, "versions.tf"));
        var schema = ProviderSchema.Load();

        schema.Version.ShouldBe("7.44.0");
        text.ShouldContain("source = \"hashicorp/google\"");
        text.ShouldContain("version = \"~> 7.44\"");
    }

    [Theory]
    [InlineData("service.tf", "  ingress             =", "  ingres              =", "google_cloud_run_v2_service.crema: unknown argument \"ingres\"")]
    [InlineData("main.tf", "  soft_delete_policy {", "  soft_delete {", "google_storage_bucket.lease: unknown block \"soft_delete\"")]
    [InlineData("service.tf", "        cpu_idle = false", "        cpu_limit = false", "google_cloud_run_v2_service.crema.template.containers.resources: unknown argument \"cpu_limit\"")]
    [InlineData("service.tf", "          path    = \"crema.yaml\"", "          file    = \"crema.yaml\"", "google_cloud_run_v2_service.crema.template.volumes.secret.items: unknown argument \"file\"")]
    [InlineData("service.tf", "  location            = var.region", "  uri                 = var.region", "google_cloud_run_v2_service.crema: \"uri\" is read-only")]
    [InlineData("service.tf", "    scaling {", "    scaling = {", "google_cloud_run_v2_service.crema.template: \"scaling\" is a block")]
    public async Task BrokenCopy_UnknownArgumentOrBlock_IsRejectedAtItsLine(string file, string original, string broken, string expected)
    {
        using var copy = await BrokenModule.CreateAsync(Module, file, original, broken);

        var errors = await Checker.CheckAsync(copy.Directory);

        errors.ShouldContain(e => e.StartsWith($"{file}:{copy.Line}: ", StringComparison.Ordinal) && e.Contains(expected, StringComparison.Ordinal), string.Join('\n', errors));
    }

    [Fact]
    public async Task BrokenCopy_UnknownResourceType_IsRejectedAtItsLine()
    {
        using var copy = await BrokenModule.CreateAsync(Module, "iam.tf", "resource \"google_service_account\" \"crema\"", "resource \"google_service_acount\" \"crema\"");

        var errors = await Checker.CheckAsync(copy.Directory);

        errors.ShouldContain($"iam.tf:{copy.Line}: unknown resource type \"google_service_acount\" (not in the google provider 7.44.0 schema fixture)", string.Join('\n', errors));
    }

    [Theory]
    [InlineData("iam.tf", "  service_account_id = \"projects/-/serviceAccounts/${each.value}\"\n", "google_service_account_iam_member.act_as_workload: missing required argument \"service_account_id\"")]
    [InlineData("main.tf", "  secret_id = var.config_name\n", "google_secret_manager_secret.config: missing required argument \"secret_id\"")]
    [InlineData("service.tf", "      image = var.image\n", "google_cloud_run_v2_service.crema.template.containers: missing required argument \"image\"")]
    [InlineData("main.tf", "  replication {\n    auto {}\n  }\n", "google_secret_manager_secret.config: missing required block \"replication\"")]
    public async Task BrokenCopy_MissingRequiredArgument_IsRejectedAtItsBlock(string file, string removed, string expected)
    {
        using var copy = await BrokenModule.CreateAsync(Module, file, removed, string.Empty);

        var errors = await Checker.CheckAsync(copy.Directory);

        // Reported at the line of the block that lacks it: the nearest block opening above the removed text.
        errors.ShouldContain(e => e.StartsWith($"{file}:{copy.EnclosingBlockLine}: ", StringComparison.Ordinal) && e.EndsWith(expected, StringComparison.Ordinal), string.Join('\n', errors));
    }

    [Theory]
    [InlineData("main.tf", "  lease_bucket     = \"${var.project_id}-crema\"", "  lease_bucket     = \"${var.project}-crema\"", "reference to undeclared variable: var.project")]
    [InlineData("iam.tf", "  bucket = google_storage_bucket.lease[0].name", "  bucket = google_storage_bucket.lease[0].nmae", "google_storage_bucket.lease[…].nmae: google_storage_bucket has no attribute \"nmae\"")]
    [InlineData("iam.tf", "  bucket = google_storage_bucket.lease[0].name", "  bucket = google_storage_bucket.lease.name", "google_storage_bucket.lease.name: google_storage_bucket at main.tf:")]
    [InlineData("service.tf", "    service_account = google_service_account.crema.email", "    service_account = google_service_account.cream.email", "reference to undeclared resource: google_service_account.cream.email")]
    [InlineData("outputs.tf", "  value       = local.targets", "  value       = local.target", "reference to undeclared local value: local.target")]
    [InlineData("iam.tf", "  role    = \"roles/monitoring.viewer\"", "  role    = each.value", "each.value outside a block with for_each")]
    [InlineData("main.tf", "substr(sha256(local.config), 0, 16)", "substr(sha265(local.config), 0, 16)", "unknown function \"sha265\"")]
    public async Task BrokenCopy_BadReferenceOrFunction_IsRejectedAtItsLine(string file, string original, string broken, string expected)
    {
        using var copy = await BrokenModule.CreateAsync(Module, file, original, broken);

        var errors = await Checker.CheckAsync(copy.Directory);

        errors.ShouldContain(e => e.StartsWith($"{file}:{copy.Line}: ", StringComparison.Ordinal) && e.Contains(expected, StringComparison.Ordinal), string.Join('\n', errors));
    }

    [Theory]
    [InlineData("service.tf", "      ports {\n", "      ports {{\n")]
    [InlineData("variables.tf", "  default     = \"crema-config\"\n", "  default     = \"crema-config\n")]
    [InlineData("main.tf", "  project = var.project_id\n  service = each.value\n", "  project = var.project_id\n  service = = each.value\n")]
    public async Task BrokenCopy_HclSyntaxError_IsRejectedWithFileAndLine(string file, string original, string broken)
    {
        using var copy = await BrokenModule.CreateAsync(Module, file, original, broken);

        var module = await HclParser.ParseAsync(copy.Directory);
        var errors = Checker.Check(module);

        module.Diagnostics.ShouldNotBeEmpty();
        var firstChangedLine = copy.Line + CommonLeadingLines(original, broken);
        errors.ShouldContain(e => e.StartsWith($"{file}:{firstChangedLine}:", StringComparison.Ordinal), string.Join('\n', errors));
        errors.ShouldAllBe(e => e.StartsWith(file + ":", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BrokenCopy_VariableWithoutDescription_IsRejected()
    {
        const string description = "  description = \"The region of the Crema service and its lease bucket.\"\n";
        using var copy = await BrokenModule.CreateAsync(Module, "variables.tf", description, string.Empty);

        var errors = await Checker.CheckAsync(copy.Directory);

        errors.ShouldBe([$"variables.tf:{copy.EnclosingBlockLine}: variable \"region\" has no description"]);
    }

    private static int CommonLeadingLines(string original, string broken) =>
        original.Split('\n').Zip(broken.Split('\n')).TakeWhile(pair => pair.First == pair.Second).Count();
}
