namespace LstmCourse.Notebooks.Formatting;

/// <summary>Text that is already HTML: displayed as text/html without escaping. What the kernel's <c>HTML(string)</c> returns.</summary>
public sealed class HtmlString(string html)
{
    /// <summary>The HTML.</summary>
    public string Html { get; } = html;

    public override string ToString() => Html;
}
