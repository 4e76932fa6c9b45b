using LstmCourse.Notebooks.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LstmCourse.Notebooks.Parameters;

/// <summary>
/// papermill's convention: the cell tagged <c>parameters</c> declares the defaults. This reads its declarations
/// with Roslyn's parser, taking each type from the declaration (<c>var</c> from its literal).
/// </summary>
public static class ParameterCell
{
    public const string Tag = "parameters";
    public const string InjectedTag = "injected-parameters";

    /// <summary>The index of the first code cell tagged <c>parameters</c>, or null.</summary>
    public static int? Find(Notebook notebook)
    {
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            if (notebook.Cells[i].Kind == CellKind.Code && notebook.Cells[i].HasTag(Tag))
            {
                return i;
            }
        }
        return null;
    }

    /// <summary>Every top-level variable the cell's code declares.</summary>
    public static IReadOnlyList<ParameterDeclaration> Declarations(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(kind: SourceCodeKind.Script)).GetCompilationUnitRoot();
        var declarations = new List<ParameterDeclaration>();
        foreach (var member in root.Members)
        {
            VariableDeclarationSyntax? declaration = member switch
            {
                FieldDeclarationSyntax field => field.Declaration,
                GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => local.Declaration,
                _ => null,
            };
            if (declaration is null)
            {
                continue;
            }
            foreach (var variable in declaration.Variables)
            {
                string declared = declaration.Type.ToString();
                string? type = declaration.Type.IsVar ? LiteralType(variable.Initializer?.Value) : Keyword(declared);
                int line = variable.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                declarations.Add(new ParameterDeclaration(
                    variable.Identifier.ValueText, type, declaration.Type.IsVar && type is not null ? $"var: {type}" : declared, line));
            }
        }
        return declarations;
    }

    private static string? Keyword(string type) => type.Replace("System.", "", StringComparison.Ordinal) switch
    {
        "int" or "Int32" => "int",
        "long" or "Int64" => "long",
        "float" or "Single" => "float",
        "double" or "Double" => "double",
        "decimal" or "Decimal" => "decimal",
        "bool" or "Boolean" => "bool",
        "string" or "String" => "string",
        _ => null,
    };

    private static string? LiteralType(ExpressionSyntax? value) => value switch
    {
        LiteralExpressionSyntax literal => literal.Token.Value switch
        {
            int => "int",
            long => "long",
            float => "float",
            double => "double",
            decimal => "decimal",
            bool => "bool",
            string => "string",
            _ => null,
        },
        PrefixUnaryExpressionSyntax { OperatorToken.RawKind: (int)SyntaxKind.MinusToken, Operand: var operand } => LiteralType(operand),
        _ => null,
    };
}
