using LstmCourse.Notebooks.Execution;

namespace System;

/// <summary>
/// The kernel's display extension methods, in namespace System so every cell sees them without a using
/// (the Polyglot kernel has the same methods in its own <c>System.DisplayExtensions</c>; the course library defines none).
/// </summary>
public static class KernelDisplayExtensions
{
    /// <summary>Shows the value in the running cell's output.</summary>
    public static DisplayedValue Display(this object? value, params string[] mimeTypes) =>
        DisplayChannel.Display(value, mimeTypes);

    /// <summary>Shows a string that already is content of <paramref name="mimeType"/>, e.g. <c>svg.DisplayAs("image/svg+xml")</c>.</summary>
    public static DisplayedValue DisplayAs(this string value, string mimeType, params string[] additionalMimeTypes) =>
        DisplayChannel.DisplayAs(value, [mimeType, .. additionalMimeTypes]);
}
