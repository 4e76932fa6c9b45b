using System.Globalization;

namespace LstmCourse.Weather;

/// <summary>The NWS wording of a temperature (<c>IN THE MID 40S</c>, <c>AROUND 30</c>, <c>IN THE LOWER TEENS</c>,
/// <c>AROUND 5 BELOW</c>, <c>NEAR ZERO</c>) and the number a phrase stands for.</summary>
/// <remarks>
/// <code>
/// ones digit 0, 1 → AROUND x0     2, 3 → LOWER x0S (means x1.5)     4, 5, 6 → MID x0S (x5)
/// ones digit 7, 8 → UPPER x0S (x8)     9 → AROUND the next x0;   10S are TEENS;   below 10: nearest 5, ZERO, n BELOW
/// </code>
/// The value of a phrase never decreases as the temperature rises, so a low written below a high stays below it.
/// </remarks>
public static class TemperaturePhrase
{
    /// <summary>The phrase for <paramref name="fahrenheit"/>; <paramref name="near"/> picks <c>NEAR</c> over <c>AROUND</c>.</summary>
    public static string Format(int fahrenheit, bool near = false)
    {
        string about = near ? "NEAR" : "AROUND";
        int t = fahrenheit;
        if (t >= 10)
        {
            int ones = t % 10, decade = t - ones;
            string decadeWord = decade == 10 ? "TEENS" : $"{decade}S";
            return ones switch
            {
                0 or 1 => $"{about} {decade}",
                2 or 3 => $"IN THE LOWER {decadeWord}",
                4 or 5 or 6 => $"IN THE MID {decadeWord}",
                7 or 8 => $"IN THE UPPER {decadeWord}",
                _ => $"{about} {decade + 10}",
            };
        }
        if (t >= 8) return $"{about} 10";
        if (t >= 3) return $"{about} 5";
        if (t >= -2) return $"{about} ZERO";
        int below = (int)Math.Round(-t / 5.0, MidpointRounding.AwayFromZero) * 5;
        return $"{about} {below} BELOW";
    }

    /// <summary>The temperature a phrase means: AROUND n → n, LOWER x0S → x1.5, MID x0S → x5, UPPER x0S → x8,
    /// IN THE x0S → x4.5, n BELOW → −n, ZERO → 0. False when the phrase is not one of these shapes.</summary>
    public static bool TryParse(string phrase, out double fahrenheit)
    {
        fahrenheit = 0;
        string[] w = phrase.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (w.Length >= 2 && w[0] is "AROUND" or "NEAR")
        {
            if (w.Length == 2 && w[1] == "ZERO") return true;
            if (!TryNumber(w[1], out int n)) return false;
            if (w.Length == 2) { fahrenheit = n; return true; }
            if (w.Length == 3 && w[2] == "BELOW") { fahrenheit = -n; return true; }
            return false;
        }
        if (w.Length < 3 || w[0] != "IN" || w[1] != "THE") return false;
        double offset = w.Length == 3 ? 4.5 : w[2] switch { "LOWER" => 1.5, "MID" => 5, "UPPER" => 8, _ => double.NaN };
        if (double.IsNaN(offset) || w.Length > 4) return false;
        string decadeWord = w[^1];
        int decade;
        if (decadeWord == "TEENS") decade = 10;
        else if (decadeWord.Length < 3 || decadeWord[^1] != 'S' || !TryNumber(decadeWord[..^1], out decade) || decade % 10 != 0) return false;
        fahrenheit = decade + offset;
        return true;
    }

    private static bool TryNumber(string s, out int n) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out n);
}
