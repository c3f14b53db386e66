using System.Text.Json;
using Crema.Tests.Support;

namespace Crema.Tests.Samples.Terraform;

/// <summary>
/// tests/terraform-check/schemaextract, which wrote the provider schema fixture, on a small source tree shaped like
/// the provider's: registrations, nested blocks from helper functions, an IAM member type built from a shared base
/// schema and the parent's (a parameter), and a schema it cannot follow, which it refuses with file and line.
/// </summary>
public sealed class SchemaExtractorTests
{
    private static readonly Lazy<Task<string>> Binary = new(() => GoProgram.BuildAsync(Path.Combine(RepositoryRoot.Path, "tests", "terraform-check", "schemaextract"), "schemaextract", "golang-go"));

    private const string IamBase = """
        package tpgiamresource

        var IamMemberBaseSchema = map[string]*schema.Schema{
        	"role": {Type: schema.TypeString, Required: true, ForceNew: true},
        	"condition": {
        		Type: schema.TypeList, Optional: true, MaxItems: 1,
        		Elem: &schema.Resource{Schema: map[string]*schema.Schema{"title": {Type: schema.TypeString, Required: true}}},
        	},
        }

        func ResourceIamMember(parentSpecificSchema map[string]*schema.Schema, options ...func()) *schema.Resource {
        	resource := &schema.Resource{Schema: tpgresource.MergeSchemas(IamMemberBaseSchema, parentSpecificSchema)}
        	resource.Identity = nil
        	return resource
        }
        """;

    private const string Widget = """
        package widget

        func init() {
        	registry.Schema{Name: "google_widget", Type: registry.SchemaTypeResource, Schema: ResourceWidget()}.Register()
        	registry.Schema{Name: "google_widget_iam_member", Type: registry.SchemaTypeIAMResource, Schema: tpgiamresource.ResourceIamMember(WidgetIamSchema)}.Register()
        	registry.Schema{Name: "google_gadget", Type: registry.SchemaTypeResource, Schema: resourceGadget()}.Register()
        }

        var WidgetIamSchema = map[string]*schema.Schema{"name": {Type: schema.TypeString, Required: true}}

        func ResourceWidget() *schema.Resource {
        	return &schema.Resource{
        		Schema: map[string]*schema.Schema{
        			"name": {Type: schema.TypeString, Required: true},
        			"uri":  {Type: schema.TypeString, Computed: true},
        			"tags": {Type: schema.TypeSet, Optional: true, Elem: &schema.Schema{Type: schema.TypeString}},
        			"spec": {Type: schema.TypeList, Required: true, MaxItems: 1, Elem: widgetSpecSchema()},
        		},
        	}
        }

        func widgetSpecSchema() *schema.Resource {
        	return &schema.Resource{Schema: map[string]*schema.Schema{"size": {Type: schema.TypeInt, Optional: true, Computed: true}}}
        }

        func resourceGadget() *schema.Resource {
        	fields := buildFields()
        	return &schema.Resource{Schema: fields}
        }
        """;

    [Fact]
    public async Task Extract_ProviderShapedSource_ReadsArgumentsBlocksAndIamMembers()
    {
        using var source = await SourceTreeAsync();

        var (exitCode, output, errors) = await ToolRun.RunAsync(await Binary.Value, ["-source", source.Path, "-version", "0.1.0", "-commit", "abc", "google_widget", "google_widget_iam_member"]);

        exitCode.ShouldBe(0, errors);
        var schema = JsonSerializer.Deserialize<ProviderSchema>(output, TerraformJson.Options)!;
        schema.Version.ShouldBe("0.1.0");
        var widget = schema.ResourceTypes["google_widget"];
        widget.Attributes.Keys.ShouldBe(["name", "tags", "uri"], ignoreOrder: true);
        widget.Attributes["name"].Required.ShouldBeTrue();
        widget.Attributes["uri"].ReadOnly.ShouldBeTrue();
        widget.Attributes["tags"].Type.ShouldBe("set");
        var spec = widget.Blocks["spec"];
        (spec.Nesting, spec.MaxItems, spec.MustBeWritten).ShouldBe(("list", 1, true));
        spec.Attributes["size"].ShouldBe(new ProviderSchema.Attribute("int", false, true, true));
        var member = schema.ResourceTypes["google_widget_iam_member"];
        member.Attributes.Keys.ShouldBe(["name", "role"], ignoreOrder: true);
        member.Blocks["condition"].Attributes["title"].Required.ShouldBeTrue();
    }

    [Fact]
    public async Task Extract_SchemaBuiltByStatements_RefusesWithFileAndLine()
    {
        using var source = await SourceTreeAsync();

        var (exitCode, output, errors) = await ToolRun.RunAsync(await Binary.Value, ["-source", source.Path, "-version", "0.1.0", "-commit", "abc", "google_gadget"]);

        exitCode.ShouldBe(1);
        output.ShouldBeEmpty();
        errors.ShouldContain("resource google_gadget: ");
        errors.ShouldContain("widget.go:28:");
        errors.ShouldContain("expected a schema map");
    }

    [Fact]
    public async Task Extract_UnregisteredType_IsRefused()
    {
        using var source = await SourceTreeAsync();

        var (exitCode, _, errors) = await ToolRun.RunAsync(await Binary.Value, ["-source", source.Path, "-version", "0.1.0", "-commit", "abc", "google_gizmo"]);

        exitCode.ShouldBe(1);
        errors.ShouldContain("resource google_gizmo: no registry.Schema registration found");
    }

    private static async Task<TemporaryTree> SourceTreeAsync()
    {
        var tree = new TemporaryTree();
        await tree.WriteAsync("google/tpgiamresource/resource_iam_member.go", IamBase);
        await tree.WriteAsync("google/services/widget/widget.go", Widget);
        await tree.WriteAsync("google/services/widget/widget_test.go", "package widget\n\nfunc init() { registry.Schema{Name: \"google_gizmo\", Type: registry.SchemaTypeResource, Schema: ResourceWidget()}.Register() }\n");
        return tree;
    }

    private sealed class TemporaryTree : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("crema-schemaextract-").FullName;

        public async Task WriteAsync(string relative, string text)
        {
            var file = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, text);
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
