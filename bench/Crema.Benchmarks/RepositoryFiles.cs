namespace Crema.Benchmarks;

/// <summary>Finds files of the repository (the folder holding Crema.sln) from the working directory or the program's.</summary>
internal static class RepositoryFiles
{
    public static string Path(params string[] parts)
    {
        foreach (var start in (string[])[Environment.CurrentDirectory, AppContext.BaseDirectory])
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "Crema.sln")))
                {
                    return System.IO.Path.Combine([directory.FullName, .. parts]);
                }
            }
        }
        throw new InvalidOperationException("Run the benchmarks from inside the repository (Crema.sln not found).");
    }
}
