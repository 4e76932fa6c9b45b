using System.Runtime.InteropServices;
using TorchSharp;

namespace LstmCourse.Torch;

/// <summary>Loads TorchSharp's native LibTorch from the bridge's folder (artifacts/torch), once, and explains what is
/// missing when it cannot.</summary>
/// <remarks>
/// Every entry point of this library calls <see cref="EnsureLoaded"/> first; call it yourself before using
/// <c>torch.*</c> directly. Before the natives load it sets <c>OMP_WAIT_POLICY=PASSIVE</c> in the process environment
/// (unless it is already set): LibTorch's OpenMP threads otherwise spin while they wait, and on a 2-core laptop shared
/// with another process two spinning threads ran about 9x slower than one. Set <c>OMP_WAIT_POLICY=ACTIVE</c> before
/// starting the process to opt out.
/// Taught in notebooks/09-from-scratch-to-torchsharp.ipynb.
/// </remarks>
public static class TorchBridge
{
    private static readonly object Gate = new();
    private static bool loaded;

    /// <summary>The folder TorchSharp.dll (and, beside it, the natives) is loaded from.</summary>
    public static string Folder => Path.GetDirectoryName(typeof(torch).Assembly.Location) ?? "";

    /// <summary>The native library TorchSharp binds to on this OS.</summary>
    public static string NativeRoot =>
        OperatingSystem.IsWindows() ? "LibTorchSharp.dll" : OperatingSystem.IsMacOS() ? "libLibTorchSharp.dylib" : "libLibTorchSharp.so";

    /// <summary>Loads LibTorch once; later calls return at once.</summary>
    /// <exception cref="TorchUnavailableException">The natives are missing or the system cannot load them; the message says why and what to do.</exception>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (loaded) return;
            if (!OperatingSystem.IsWindows()) _ = setenv("OMP_WAIT_POLICY", "PASSIVE", 0);   // native environment: libgomp reads it when it loads
            string root = Path.Combine(Folder, NativeRoot);
            if (!File.Exists(root))
                throw new TorchUnavailableException(
                    $"TorchSharp.dll was loaded from '{Folder}', but the native LibTorch libraries are not beside it ({NativeRoot} is missing). " +
                    "Build the bridge, which puts them there: `dotnet build lib/LstmCourse.Torch -c Release`, then load " +
                    "#r \"../artifacts/torch/LstmCourse.Torch.dll\" (a #r \"nuget: TorchSharp-cpu\" brings natives that do not load on Debian 12 or Ubuntu 22.04).");
            try
            {
                NativeLibrary.Load(root);                     // by full path: the loader's own message if it fails
                torch.InitializeDeviceType(DeviceType.CPU);
                using var probe = torch.ones(1);              // the first call into LibTorchSharp
            }
            catch (Exception e) when (e is DllNotFoundException or BadImageFormatException or NotSupportedException or TypeInitializationException or EntryPointNotFoundException)
            {
                throw new TorchUnavailableException(Explain(Folder, root, e), e);
            }
            loaded = true;
        }
    }

    /// <summary>What a failed load of <paramref name="root"/> from <paramref name="folder"/> means, from the loader's own message.</summary>
    internal static string Explain(string folder, string root, Exception e)
    {
        string loader = (e.InnerException ?? e).Message;
        var version = System.Text.RegularExpressions.Regex.Match(loader, @"version `(GLIBCXX_[0-9.]+|CXXABI_[0-9.]+|GLIBC_[0-9.]+)' not found");
        if (version.Success)
            return $"LibTorch cannot load from '{folder}': {Path.GetFileName(root)} needs {version.Groups[1].Value}, which this system's C++ runtime " +
                   $"(libstdc++.so.6 / libc.so.6) does not provide. The bridge's build marks libLibTorchSharp.so's GLIBCXX_3.4.32 need weak in its " +
                   "copy (it uses no symbol of that version); if this is the unpatched copy of a NuGet package, load artifacts/torch/LstmCourse.Torch.dll " +
                   "after `dotnet build lib/LstmCourse.Torch -c Release`. If that copy fails too, the system is older than Debian 12 / Ubuntu 22.04: " +
                   $"use a newer one (or a newer libstdc++6). Loader message: {loader}";
        return $"LibTorch cannot load from '{folder}' ({root}): {loader}. Rebuild the bridge (`dotnet build lib/LstmCourse.Torch -c Release`) " +
               "and restart the kernel or process; a native library that failed to load is not retried.";
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setenv(string name, string value, int overwrite);
}

/// <summary>TorchSharp's native LibTorch cannot be loaded; the message names the cause and the fix.</summary>
public sealed class TorchUnavailableException : Exception
{
    public TorchUnavailableException(string message, Exception? inner = null) : base(message, inner) { }
}
