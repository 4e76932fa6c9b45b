using System.IO.Compression;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using LstmCourse.Torch;

namespace LstmCourse.Torch.Tests.Build;

/// <summary>The bridge's build (lib/LstmCourse.Torch/build/CopyTorchNatives.cs): libLibTorchSharp.so's GLIBCXX_3.4.32 need
/// is weak in the copy it makes and in nothing else, and the NuGet cache's original is untouched.</summary>
public class CopyTorchNativesTests
{
    private const string Marked = "GLIBCXX_3.4.32";

    private static string PackageRoot =>
        typeof(CopyTorchNativesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;

    private static string CachedOriginal => Path.Combine(PackageRoot, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    private static string BridgeCopy => Path.Combine(TorchBridge.Folder, "libLibTorchSharp.so");

    [Fact]
    public void The_copy_marks_GLIBCXX_3_4_32_weak_and_differs_from_the_original_in_that_flag_only()
    {
        if (!OperatingSystem.IsLinux()) return;        // ELF natives exist on Linux only; elsewhere the build copies unchanged natives
        byte[] original = File.ReadAllBytes(CachedOriginal), copy = File.ReadAllBytes(BridgeCopy);
        var before = VersionNeeds.Read(original);
        var after = VersionNeeds.Read(copy);
        var need = Assert.Single(after, n => n.Version == Marked);
        Assert.Equal("libstdc++.so.6", need.File);
        Assert.True(need.Weak, $"{Marked} is not marked weak in {BridgeCopy}");
        Assert.False(before.Single(n => n.Version == Marked).Weak, $"{Marked} is already weak in the cache's {CachedOriginal}: was the cache modified?");
        Assert.All(after.Where(n => n.Version != Marked), n => Assert.False(n.Weak, $"{n.Version} became weak"));
        Assert.Equal(original.Length, copy.Length);
        var differing = Enumerable.Range(0, copy.Length).Where(i => copy[i] != original[i]).ToList();
        Assert.Equal([need.FlagsOffset], differing);                                         // the low byte of vna_flags
        Assert.Equal(0x2, copy[need.FlagsOffset] ^ original[need.FlagsOffset]);             // VER_FLG_WEAK and nothing else
    }

    [Fact]
    public void The_NuGet_cache_keeps_the_original_exactly_as_its_package_ships_it()
    {
        if (!OperatingSystem.IsLinux()) return;
        string package = Path.Combine(PackageRoot, "torchsharp", "0.107.0", "torchsharp.0.107.0.nupkg");
        using var zip = ZipFile.OpenRead(package);
        using var entry = zip.GetEntry("runtimes/linux-x64/native/libLibTorchSharp.so")!.Open();
        using var shipped = new MemoryStream();
        entry.CopyTo(shipped);
        Assert.True(shipped.ToArray().AsSpan().SequenceEqual(File.ReadAllBytes(CachedOriginal)), $"{CachedOriginal} differs from the file in {package}");
    }

    [Fact]
    public void The_original_fails_to_load_exactly_when_the_system_lacks_GLIBCXX_3_4_32()
    {
        if (!OperatingSystem.IsLinux()) return;
        TorchBridge.EnsureLoaded();                                   // the copy's dependencies (libtorch, libc10) are loaded by soname
        string libstdcxx = File.Exists("/usr/lib/x86_64-linux-gnu/libstdc++.so.6") ? "/usr/lib/x86_64-linux-gnu/libstdc++.so.6" : "/usr/lib64/libstdc++.so.6";
        bool systemHasIt = File.ReadAllBytes(libstdcxx).AsSpan().IndexOf(Encoding.ASCII.GetBytes(Marked + "\0")) >= 0;
        DllNotFoundException? error = null;
        try { NativeLibrary.Free(NativeLibrary.Load(CachedOriginal)); }
        catch (DllNotFoundException e) { error = e; }
        if (systemHasIt) { Assert.Null(error); return; }
        Assert.True(error is not null && error.Message.Contains($"version `{Marked}' not found"), $"expected the loader to refuse the unpatched original for {Marked}, got: {error?.Message ?? "it loaded"}");

        // what TorchBridge.EnsureLoaded would say about this copy: the cause and the fix
        string message = TorchBridge.Explain(Path.GetDirectoryName(CachedOriginal)!, CachedOriginal, error!);
        Assert.Contains($"libLibTorchSharp.so needs {Marked}", message);
        Assert.Contains("`dotnet build lib/LstmCourse.Torch -c Release`", message);
        Assert.Contains("artifacts/torch/LstmCourse.Torch.dll", message);
    }
}
