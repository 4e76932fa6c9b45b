using LstmCourse.Torch;
using TorchSharp;

namespace LstmCourse.Torch.Tests.Loading;

public class TorchBridgeTests
{
    [Fact]
    public void TorchSharp_loads_from_the_bridge_folder_and_computes()
    {
        TorchBridge.EnsureLoaded();
        using var a = torch.tensor(new double[] { 1, 2, 3 });
        using var s = (a * a).sum();
        Assert.Equal(14.0, s.item<double>());
        Assert.True(File.Exists(Path.Combine(TorchBridge.Folder, TorchBridge.NativeRoot)));
    }
}
