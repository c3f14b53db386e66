namespace Crema.Tests.Samples.Terraform;

/// <summary>
/// A copy of a module's *.tf files in a temporary folder with one text replaced in one file (the text must occur
/// there exactly once); deleted on dispose. <see cref="Line"/> is where the replaced text starts.
/// </summary>
internal sealed class BrokenModule : IDisposable
{
    private BrokenModule(string directory, int line, int enclosingBlockLine)
    {
        Directory = directory;
        Line = line;
        EnclosingBlockLine = enclosingBlockLine;
    }

    public string Directory { get; }

    /// <summary>The 1-based line where the replaced text starts.</summary>
    public int Line { get; }

    /// <summary>The line opening the block around the replaced text (the nearest line above ending in "{" and indented less).</summary>
    public int EnclosingBlockLine { get; }

    public static async Task<BrokenModule> CreateAsync(string module, string file, string original, string replacement)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("crema-terraform-").FullName;
        foreach (var source in System.IO.Directory.GetFiles(module, "*.tf"))
        {
            File.Copy(source, Path.Combine(directory, Path.GetFileName(source)));
        }
        var path = Path.Combine(directory, file);
        var text = await File.ReadAllTextAsync(path);
        var index = text.IndexOf(original, StringComparison.Ordinal);
        if (index < 0 || text.IndexOf(original, index + 1, StringComparison.Ordinal) >= 0)
        {
            System.IO.Directory.Delete(directory, recursive: true);
            throw new InvalidOperationException($"{file} must hold \"{original}\" exactly once");
        }
        await File.WriteAllTextAsync(path, string.Concat(text.AsSpan(0, index), replacement, text.AsSpan(index + original.Length)));
        var lines = text[..index].Split('\n');
        var indent = original.Length - original.TrimStart(' ').Length;
        var enclosing = Array.FindLastIndex(lines[..^1], l => l.TrimEnd().EndsWith('{') && l.Length - l.TrimStart(' ').Length < indent) + 1;
        return new BrokenModule(directory, lines.Length, enclosing);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
