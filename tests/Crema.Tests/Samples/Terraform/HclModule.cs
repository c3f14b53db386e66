namespace Crema.Tests.Samples.Terraform;

/// <summary>
/// The *.tf files of one folder as tests/terraform-check/hclparse prints them: each file's blocks and attributes,
/// or the syntax errors that kept a file from parsing.
/// </summary>
internal sealed record HclModule(IReadOnlyList<HclModule.File> Files, IReadOnlyList<HclModule.Diagnostic> Diagnostics)
{
    internal sealed record File(string Name, Body Body);

    internal sealed record Body(IReadOnlyList<Attribute> Attributes, IReadOnlyList<Block> Blocks);

    internal sealed record Block(string Type, IReadOnlyList<string> Labels, int Line, Body Body);

    /// <summary>An argument: the variables its expression references, the functions it calls, and its value when constant (as text).</summary>
    internal sealed record Attribute(string Name, int Line, IReadOnlyList<Reference> References, IReadOnlyList<FunctionCall> Functions, string? Value);

    /// <summary>A traversal such as var.region or google_storage_bucket.lease[0].name: its root, then a name or "[]" (an index) per step.</summary>
    internal sealed record Reference(string Root, IReadOnlyList<string> Steps, int Line);

    internal sealed record FunctionCall(string Name, int Line);

    internal sealed record Diagnostic(string Summary, string Detail, string File, int Line, int Column);
}
