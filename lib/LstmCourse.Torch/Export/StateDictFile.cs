namespace LstmCourse.Torch;

/// <summary>One tensor of a state_dict file: dtype (float32 or float64), shape and row-major values (float32 widened to double, exactly).</summary>
public sealed record StateTensor(bool Float64, long[] Shape, double[] Data)
{
    public long Count => Shape.Aggregate(1L, (a, b) => a * b);
}

/// <summary>The file format of <c>torch.save(state_dict, path)</c>, read and written without PyTorch: a zip archive holding
/// <c>archive/data.pkl</c> (a pickle, protocol 2) and one raw little-endian storage per tensor, <c>archive/data/{key}</c>.</summary>
/// <remarks>
/// <code>
/// data.pkl:   OrderedDict([(name, torch._utils._rebuild_tensor_v2(storage, offset, shape, stride, requires_grad, OrderedDict())), ...])
/// storage:    persistent id ('storage', torch.FloatStorage | torch.DoubleStorage, key, 'cpu', numel)
/// </code>
/// Written by hand instead of through TorchSharp.PyBridge, whose build references TorchSharp 0.103: a notebook host (Roslyn's
/// script loader, in our runner and in the .NET Interactive kernel) then loads a second TorchSharp for it, and every call
/// fails with MissingMethodException. The reader knows the pickle opcodes torch.save emits for a state_dict of float
/// tensors (including the <c>_metadata</c> that PyTorch's <c>module.state_dict()</c> carries) and names anything else.
/// </remarks>
public static partial class StateDictFile
{
    private const string Prefix = "archive";
}
