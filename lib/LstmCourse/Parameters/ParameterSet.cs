using LstmCourse.Numerics;

namespace LstmCourse.Parameters;

/// <summary>Every parameter of a model, addressable by name, in a fixed order; import and export of all weights.</summary>
public sealed class ParameterSet
{
    private readonly List<Parameter> ordered = [];
    private readonly Dictionary<string, Parameter> byName = new(StringComparer.Ordinal);

    public ParameterSet() { }

    public ParameterSet(IEnumerable<Parameter> parameters)
    {
        foreach (var p in parameters) Add(p);
    }

    public IReadOnlyList<Parameter> All => ordered;

    public IEnumerable<string> Names => ordered.Select(p => p.Name);

    public int TotalCount => ordered.Sum(p => p.Count);

    public void Add(Parameter p)
    {
        if (!byName.TryAdd(p.Name, p))
            throw new ArgumentException($"A parameter named '{p.Name}' is already in the set.", nameof(p));
        ordered.Add(p);
    }

    public void AddRange(IEnumerable<Parameter> ps)
    {
        foreach (var p in ps) Add(p);
    }

    public Parameter this[string name] =>
        byName.TryGetValue(name, out var p)
            ? p
            : throw new ArgumentException($"No parameter named '{name}'. Known parameters: {string.Join(", ", Names)}.", nameof(name));

    public bool Contains(string name) => byName.ContainsKey(name);

    /// <summary>Sets every gradient to zero (call before each backward pass that accumulates).</summary>
    public void ZeroGrad()
    {
        foreach (var p in ordered) p.Grad.Clear();
    }

    /// <summary>A copy of every weight, in order.</summary>
    public IReadOnlyList<NamedTensor> Export() =>
        ordered.Select(p => new NamedTensor(p.Name, p.Value.Rows, p.Value.Cols, (double[])p.Value.Data.Clone())).ToList();

    /// <summary>A copy of every gradient, in order, named like the weights.</summary>
    public IReadOnlyList<NamedTensor> ExportGradients() =>
        ordered.Select(p => new NamedTensor(p.Name, p.Grad.Rows, p.Grad.Cols, (double[])p.Grad.Data.Clone())).ToList();

    /// <summary>Overwrites weights by name. Every name must be known and every shape must match; with
    /// <paramref name="requireAll"/> every parameter of the set must be given. Nothing changes if any check fails.</summary>
    public void Import(IEnumerable<NamedTensor> tensors, bool requireAll = true)
    {
        var list = tensors.ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in list)
        {
            if (!byName.TryGetValue(t.Name, out var p))
                throw new ArgumentException($"Unknown parameter '{t.Name}' in import. Known parameters: {string.Join(", ", Names)}.", nameof(tensors));
            if (p.Value.Rows != t.Rows || p.Value.Cols != t.Cols)
                throw new ArgumentException($"Parameter '{t.Name}' is {p.Value.Rows}x{p.Value.Cols} but the import gives {t.Rows}x{t.Cols}.", nameof(tensors));
            if (t.Data.Length != t.Count)
                throw new ArgumentException($"Parameter '{t.Name}' declares {t.Rows}x{t.Cols} but carries {t.Data.Length} values.", nameof(tensors));
            Check.Finite($"{t.Name}", t.Data);
            if (!seen.Add(t.Name))
                throw new ArgumentException($"Parameter '{t.Name}' appears twice in the import.", nameof(tensors));
        }
        if (requireAll)
        {
            var missing = Names.Where(n => !seen.Contains(n)).ToList();
            if (missing.Count > 0)
                throw new ArgumentException($"The import lacks parameters: {string.Join(", ", missing)}.", nameof(tensors));
        }
        foreach (var t in list) Array.Copy(t.Data, byName[t.Name].Value.Data, t.Count);
    }
}
