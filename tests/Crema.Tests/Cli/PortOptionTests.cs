namespace Crema.Tests.Cli;

public sealed class PortOptionTests
{
    [Theory]
    [InlineData("run")]
    [InlineData("demo")]
    [InlineData("emulator")]
    public async Task Port_OutOfRange_OneLineErrorNoStackTrace(string command)
    {
        var run = await CliRun.RunAsync(command, "--port", "70000");

        run.ExitCode.ShouldNotBe(0);
        run.Error.ShouldContain("--port must be a number from 0 to 65535 (0 picks a free port), found \"70000\"");
        run.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Emulator_PortInUse_OneLineError()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var run = await CliRun.RunAsync("emulator", "--port", port);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"cannot serve the emulator on 127.0.0.1:{port}");
        run.Error.ShouldNotContain("   at ");
    }
}
