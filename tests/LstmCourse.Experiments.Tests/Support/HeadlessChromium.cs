using System.Diagnostics;

namespace LstmCourse.Experiments.Tests.Support;

/// <summary>Debian's chromium, headless and cut off from the network, opening a local page: a screenshot, or the page's DOM
/// after its scripts ran. A test that needs it is skipped where it is absent (saying how to install it), and fails instead
/// when LSTMCOURSE_REQUIRE_BROWSER=1 (CI sets it after installing chromium).</summary>
internal static class HeadlessChromium
{
    public const string InstallCommand = "apt-get install -y chromium";

    /// <summary>Where the browser is looked for: LSTMCOURSE_CHROMIUM if set, otherwise Debian's and the usual paths.</summary>
    private static string[] Candidates => Environment.GetEnvironmentVariable("LSTMCOURSE_CHROMIUM") is { Length: > 0 } given
        ? [given]
        : ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    /// <summary>The browser, or a skip (a failure when the environment requires the browser).</summary>
    public static string Require()
    {
        string? found = Candidates.FirstOrDefault(File.Exists);
        if (found is not null) return found;
        string message = $"headless Chromium is not installed (looked for {string.Join(", ", Candidates)}); install it with: {InstallCommand}";
        if (Environment.GetEnvironmentVariable("LSTMCOURSE_REQUIRE_BROWSER") == "1")
            Assert.Fail($"LSTMCOURSE_REQUIRE_BROWSER=1 but {message}");
        Skip.If(true, message);
        return "";
    }

    /// <summary>Renders <paramref name="page"/> in a <paramref name="width"/> x <paramref name="height"/> window into a PNG.</summary>
    public static Png Screenshot(string browser, string page, string png, int width, int height)
    {
        Run(browser, [$"--window-size={width},{height}", "--hide-scrollbars", $"--screenshot={png}", new Uri(page).AbsoluteUri]);
        Assert.True(File.Exists(png), $"chromium wrote no screenshot at {png}");
        return Png.Read(png);
    }

    /// <summary>The DOM of <paramref name="page"/> after its scripts ran.</summary>
    public static string Dom(string browser, string page) => Run(browser, ["--dump-dom", new Uri(page).AbsoluteUri]);

    private static string Run(string browser, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(browser)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string profile = Directory.CreateTempSubdirectory("lstm-course-chromium-").FullName;     // a fresh profile every time
        foreach (string arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic", $"--user-data-dir={profile}",
            "--host-resolver-rules=MAP * ~NOTFOUND",                                   // any network fetch fails: the page must draw offline
            "--virtual-time-budget=15000",                                             // let the page's scripts finish first
        }.Concat(args)) start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"chromium did not finish within 90 s on {string.Join(" ", args)}");
            }
            Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }
}
