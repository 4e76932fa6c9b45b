using System.Text.Json;

namespace LstmCourse.Notebooks.Format;

/// <summary>The line on which each cell of a notebook's JSON starts, so schema errors can name a line.</summary>
internal static class JsonLineMap
{
    /// <summary>1-based start line of each element of the root object's <c>cells</c> array; the JSON must be valid.</summary>
    public static IReadOnlyList<int> CellLines(ReadOnlySpan<byte> utf8)
    {
        var lines = new List<int>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = NotebookReader.MaxDepth });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return lines;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isCells = reader.ValueTextEquals("cells"u8);
            reader.Read();
            if (isCells && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    lines.Add(utf8[..(int)reader.TokenStartIndex].Count((byte)'\n') + 1);
                    reader.Skip();
                }
            }
            else
            {
                reader.Skip();
            }
        }
        return lines;
    }
}
