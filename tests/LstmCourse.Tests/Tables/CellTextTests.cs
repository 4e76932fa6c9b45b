using LstmCourse.Tables;

namespace LstmCourse.Tests.Tables;

public class CellTextTests
{
    public static TheoryData<object?, string> DisplayCases => new()
    {
        { null, "" },
        { 1.52347, "1.523" },
        { 0.001f, "0.001" },
        { 128, "128" },
        { 12.5m, "12.5" },
        { true, "true" },
        { new DateTime(2024, 5, 1, 8, 5, 0), "2024-05-01 08:05:00" },
        { new[] { 128, 64 }, "[128, 64]" },
        { Enumerable.Range(0, 20).ToArray(), "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, …]" },
        { "text", "text" },
    };

    [Theory]
    [MemberData(nameof(DisplayCases))]
    public void Cells_display_short_and_culture_free(object? value, string expected)
    {
        Assert.Equal(expected, CellText.Display(value));
    }

    [Fact]
    public void Numbers_of_every_type_count_as_numbers_and_text_does_not()
    {
        Assert.All(new object[] { (byte)1, (short)1, 1, 1L, 1u, 1f, 1.0, 1m, (Half)1 }, v => Assert.True(CellText.IsNumber(v)));
        Assert.False(CellText.IsNumber("1"));
        Assert.False(CellText.IsNumber(null));
    }
}
