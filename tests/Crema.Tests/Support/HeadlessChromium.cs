using Microsoft.Playwright;

namespace Crema.Tests.Support;

/// <summary>
/// Debian's chromium, headless, driven through Playwright's protocol client. Playwright's own browser
/// download is never used (it cannot work offline): the browser is the system one, given by path
/// (CREMA_CHROMIUM, default /usr/bin/chromium). A missing browser fails the test with what to install,
/// it does not skip it.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly string userData;

    private HeadlessChromium(IPlaywright playwright, IBrowserContext context, string userData)
    {
        this.playwright = playwright;
        Context = context;
        this.userData = userData;
    }

    public IBrowserContext Context { get; }

    public static async Task<HeadlessChromium> LaunchAsync(int width, int height)
    {
        var executable = Environment.GetEnvironmentVariable("CREMA_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"chromium not found at {executable}: install Debian's chromium (apt-get install chromium; it is listed in scripts/test-packages.txt) or set CREMA_CHROMIUM");
        }
        var playwright = await Playwright.CreateAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var userData = Directory.CreateTempSubdirectory("crema-chromium-").FullName;
        // Playwright passes --headless, --no-first-run, --disable-sync, --disable-background-networking and
        // --disable-component-update itself; the user data directory is its parameter, not a flag.
        var context = await playwright.Chromium.LaunchPersistentContextAsync(userData, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = executable,
            Headless = true,
            ChromiumSandbox = false,
            Args = ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            ViewportSize = new ViewportSize { Width = width, Height = height },
        }).WaitAsync(TimeSpan.FromSeconds(60));
        return new HeadlessChromium(playwright, context, userData);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        playwright.Dispose();
        Directory.Delete(userData, recursive: true);
    }
}
