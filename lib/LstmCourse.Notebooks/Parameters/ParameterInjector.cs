using System.Text;
using LstmCourse.Notebooks.Model;

namespace LstmCourse.Notebooks.Parameters;

/// <summary>
/// Applies <c>-p name=value</c> the papermill way: a new cell tagged <c>injected-parameters</c> right after the
/// <c>parameters</c> cell assigns the values (<c>steps = 500;</c>) as literals of the declared types.
/// An earlier injected cell (from a previous run) is replaced.
/// </summary>
public static class ParameterInjector
{
    /// <summary>
    /// Injects <paramref name="values"/> into <paramref name="notebook"/> and returns the index of the new cell (null when
    /// there is nothing to inject); anything it cannot take throws <see cref="ParameterException"/>.
    /// </summary>
    public static int? Inject(Notebook notebook, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        int index = ParameterCell.Find(notebook) ?? throw new ParameterException(
            $"-p {values[0].Key}: the notebook has no cell tagged '{ParameterCell.Tag}'. Add \"tags\": [\"{ParameterCell.Tag}\"] " +
            "to the metadata of the cell that declares the defaults, or run without -p.");
        Cell parameters = notebook.Cells[index];
        var declared = ParameterCell.Declarations(parameters.Source);
        var code = new StringBuilder("// Parameters injected by lstm-course run -p\n");
        var problems = new List<string>();
        foreach (var group in values.GroupBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var declaration = declared.FirstOrDefault(d => d.Name == group.Key);
            if (group.Count() > 1)
            {
                problems.Add($"-p {group.Key} is given {group.Count()} times; give each parameter once.");
            }
            else if (declaration is null)
            {
                problems.Add($"-p {group.Key}: the parameters cell, {parameters.Label(index)}, declares no '{group.Key}'; " +
                    $"known parameters: {(declared.Count == 0 ? "none" : string.Join(", ", declared))}.");
            }
            else
            {
                try
                {
                    code.Append(declaration.Name).Append(" = ").Append(CSharpLiteral.Format(declaration, group.First().Value)).Append(";\n");
                }
                catch (ParameterException error)
                {
                    problems.AddRange(error.Problems);
                }
            }
        }
        if (problems.Count > 0)
        {
            throw new ParameterException(problems);
        }
        foreach (Cell old in notebook.Cells.Where(cell => cell.HasTag(ParameterCell.InjectedTag)).ToList())
        {
            notebook.RemoveCell(old);
        }
        index = ParameterCell.Find(notebook)!.Value;
        string? id = notebook.FormatMinor >= 5 ? UniqueId(notebook) : null;
        notebook.InsertCell(index + 1, Cell.NewCode(id, code.ToString().TrimEnd('\n'), ParameterCell.InjectedTag));
        return index + 1;
    }

    private static string UniqueId(Notebook notebook)
    {
        var taken = notebook.Cells.Select(cell => cell.Id).ToHashSet(StringComparer.Ordinal);
        string id = ParameterCell.InjectedTag;
        for (int n = 2; taken.Contains(id); n++)
        {
            id = $"{ParameterCell.InjectedTag}-{n}";
        }
        return id;
    }
}
