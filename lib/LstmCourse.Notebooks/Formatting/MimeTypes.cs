namespace LstmCourse.Notebooks.Formatting;

/// <summary>The mime types the runner produces itself.</summary>
public static class MimeTypes
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";
}
