namespace Crema.Tests.Support;

/// <summary>The repository's root folder, found from the test assembly's location (the folder holding Crema.sln).</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Crema.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Crema.sln not found above " + AppContext.BaseDirectory);
    }
}
