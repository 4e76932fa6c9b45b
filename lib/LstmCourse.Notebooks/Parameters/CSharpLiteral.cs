using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace LstmCourse.Notebooks.Parameters;

/// <summary>A command-line value as a C# literal of the parameter's type: <c>500</c>, <c>0.05</c>, <c>0.5f</c>, <c>true</c>, <c>"a\"b"</c>.</summary>
public static class CSharpLiteral
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The literal for <paramref name="value"/>; a value that is not of the parameter's type throws <see cref="ParameterException"/>.</summary>
    public static string Format(ParameterDeclaration parameter, string value)
    {
        string text = value.Trim();
        string? literal = parameter.Type switch
        {
            "int" => int.TryParse(text, NumberStyles.AllowLeadingSign, Invariant, out int i) ? i.ToString(Invariant) : null,
            "long" => long.TryParse(Strip(text, 'l'), NumberStyles.AllowLeadingSign, Invariant, out long l) ? l.ToString(Invariant) + "L" : null,
            "float" => float.TryParse(Strip(text, 'f'), NumberStyles.Float, Invariant, out float f) ? Float(f) : null,
            "double" => double.TryParse(Strip(text, 'd'), NumberStyles.Float, Invariant, out double d) ? Double(d) : null,
            "decimal" => decimal.TryParse(Strip(text, 'm'), NumberStyles.Float, Invariant, out decimal m) ? m.ToString(Invariant) + "m" : null,
            "bool" => bool.TryParse(text, out bool b) ? (b ? "true" : "false") : null,
            "string" => SymbolDisplay.FormatLiteral(value, quote: true),
            _ => throw new ParameterException(
                $"-p {parameter.Name}: the parameters cell declares it as '{parameter.Declared}', which -p cannot set; " +
                $"-p sets {string.Join(", ", ParameterDeclaration.SupportedTypes)} (declare it with one of those types)."),
        };
        return literal ?? throw new ParameterException(
            $"-p {parameter.Name}={value}: '{value}' is not a valid {parameter.Type} " +
            $"(the parameters cell declares '{parameter.Declared} {parameter.Name}'; line {parameter.Line}).");
    }

    private static string Strip(string text, char suffix) =>
        text.Length > 1 && char.ToLowerInvariant(text[^1]) == suffix ? text[..^1] : text;

    private static string Double(double d) => d switch
    {
        double.NaN => "double.NaN",
        double.PositiveInfinity => "double.PositiveInfinity",
        double.NegativeInfinity => "double.NegativeInfinity",
        _ => WithPoint(d.ToString("R", Invariant)),
    };

    private static string Float(float f) => f switch
    {
        float.NaN => "float.NaN",
        float.PositiveInfinity => "float.PositiveInfinity",
        float.NegativeInfinity => "float.NegativeInfinity",
        _ => f.ToString("R", Invariant) + "f",
    };

    private static string WithPoint(string number) =>
        number.IndexOfAny(['.', 'E', 'e']) >= 0 ? number : number + ".0";
}
