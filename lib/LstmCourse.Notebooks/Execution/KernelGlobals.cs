using LstmCourse.Notebooks.Formatting;

namespace LstmCourse.Notebooks.Execution;

/// <summary>
/// What every cell sees unqualified, standing in for the kernel's <c>using static Microsoft.DotNet.Interactive.Kernel;</c>.
/// The lower-case <c>display</c> and upper-case <c>HTML</c> are the kernel's names, kept so notebooks run in both.
/// </summary>
public class KernelGlobals
{
    /// <summary>Shows a value in the cell's output (its default mime types when none are given).</summary>
    public DisplayedValue display(object? value, params string[] mimeTypes) => DisplayChannel.Display(value, mimeTypes);

    /// <summary>Marks a string as HTML: returned as a cell's value or passed to display, it renders as text/html.</summary>
    public HtmlString HTML(string content) => new(content);
}
