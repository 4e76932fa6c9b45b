using LstmCourse.Numerics;

namespace LstmCourse.Weather;

/// <summary>The sentences of a forecast period, worded the way NWS zone forecasts word them.</summary>
/// <remarks>
/// <code>
/// chance  0      SKY                                   (MOSTLY SUNNY, PARTLY CLOUDY, INCREASING CLOUDS, ...)
/// chance 20      SKY WITH A SLIGHT CHANCE OF RAIN      or  ... WITH A 20 PERCENT CHANCE OF RAIN
/// chance 30..50  SKY WITH A 40 PERCENT CHANCE OF RAIN  or  SKY. A CHANCE OF RAIN ... CHANCE OF RAIN 40 PERCENT.
/// chance 60..70  RAIN LIKELY ... CHANCE OF RAIN 70 PERCENT.
/// chance 80..100 RAIN ... CHANCE OF RAIN 90 PERCENT.   (100 is NEAR 100 PERCENT)
/// then fog, snow accumulation, temperatures, winds, and the chance sentence; far periods drop winds and chances.
/// </code>
/// Choices between equivalent wordings come from the issuance's wording generator, so neighbouring zones with the
/// same weather read the same.
/// </remarks>
internal static class PeriodWording
{
    private static readonly string[] Directions = ["NORTH", "NORTHEAST", "EAST", "SOUTHEAST", "SOUTH", "SOUTHWEST", "WEST", "NORTHWEST"];

    /// <summary>Sky and precipitation sentences, and the closing chance sentence (null when none is printed).</summary>
    public static (List<string> Sentences, string? ChanceSentence) Weather(
        HalfDayForecast f, bool night, bool detailed, double? nextCloud, Rng rng)
    {
        var s = new List<string>();
        int c = f.Chance;
        string sky = Sky(f.Cloud, night);
        string what = Words(f.Kind);
        string when = When(f.Timing, night);
        string? chanceSentence = null;
        if (c == 0)
            s.Add(SkyTrend(f.Cloud, nextCloud, night, detailed, rng));
        else if (c == 20)
            s.Add($"{sky} WITH A {(rng.NextDouble() < 0.5 ? "SLIGHT" : "20 PERCENT")} CHANCE OF {what}{when}");
        else if (c <= 50)
        {
            int form = detailed ? rng.NextInt(3) : 0;
            if (form == 0) s.Add($"{sky} WITH A {c} PERCENT CHANCE OF {what}{when}");
            else if (form == 1) { s.Add(sky); s.Add($"A {c} PERCENT CHANCE OF {what}{when}"); }
            else { s.Add(sky); s.Add($"A CHANCE OF {what}{when}"); chanceSentence = ChanceSentence(f); }
        }
        else
        {
            string likely = c <= 70 ? " LIKELY" : "";
            if (f.Timing != PrecipitationTiming.Whole && detailed) s.Add(sky);
            string then = f.Timing == PrecipitationTiming.Early && detailed && rng.NextDouble() < 0.5
                ? $", THEN A CHANCE OF {(f.Kind is PrecipitationKind.Snow or PrecipitationKind.SnowShowers ? "SNOW SHOWERS" : "SHOWERS")}{When(PrecipitationTiming.Late, night)}"
                : "";
            s.Add($"{what}{likely}{(detailed ? when : "")}{then}");
            if (detailed) chanceSentence = ChanceSentence(f);
        }
        if (detailed && f.Fog && c < 60)
            s.Add(night ? "PATCHY FOG AFTER MIDNIGHT" : $"{(rng.NextDouble() < 0.5 ? "PATCHY" : "AREAS OF")} FOG IN THE MORNING");
        if (detailed && c >= 50 && f.SnowInches > 0) s.Add(SnowAccumulation(f.SnowInches));
        return (s, chanceSentence);
    }

    /// <summary><c>SOUTHWEST WINDS 5 TO 10 MPH</c>, <c>LIGHT AND VARIABLE WINDS</c>, gusts when gusty.</summary>
    public static string Wind(HalfDayForecast f)
    {
        int v = f.WindMph;
        if (v < 3) return "LIGHT AND VARIABLE WINDS";
        if (v < 5) return "LIGHT WINDS";
        string dir = Directions[f.WindFrom];
        string speed = v switch
        {
            < 8 => "AROUND 5 MPH",
            < 12 => "5 TO 10 MPH",
            < 16 => "10 TO 15 MPH",
            < 20 => "15 TO 20 MPH",
            < 25 => "15 TO 25 MPH",
            _ => "20 TO 30 MPH",
        };
        int gust = (int)Math.Round(f.GustMph / 5.0) * 5;
        return gust >= 20 && gust >= v + 8 ? $"{dir} WINDS {speed} WITH GUSTS UP TO {gust} MPH" : $"{dir} WINDS {speed}";
    }

    public static string Sky(double cloud, bool night) => cloud switch
    {
        < 0.15 => night ? "CLEAR" : "SUNNY",
        < 0.35 => night ? "MOSTLY CLEAR" : "MOSTLY SUNNY",
        < 0.6 => night ? "PARTLY CLOUDY" : "PARTLY SUNNY",
        < 0.85 => "MOSTLY CLOUDY",
        _ => "CLOUDY",
    };

    private static string SkyTrend(double cloud, double? nextCloud, bool night, bool detailed, Rng rng)
    {
        string sky = Sky(cloud, night);
        if (!detailed || nextCloud is not double next || Math.Abs(next - cloud) < 0.4) return sky;
        string later = Sky(next, night);
        if (later == sky) return sky;
        if (rng.NextDouble() < 0.5) return next > cloud ? "INCREASING CLOUDS" : "DECREASING CLOUDS";
        return $"{sky} {(night ? "IN THE EVENING" : "IN THE MORNING")}, THEN BECOMING {later}";
    }

    private static string Words(PrecipitationKind kind) => kind switch
    {
        PrecipitationKind.Rain => "RAIN",
        PrecipitationKind.Showers => "SHOWERS",
        PrecipitationKind.Thunderstorms => "SHOWERS AND THUNDERSTORMS",
        PrecipitationKind.RainAndSnow => "RAIN AND SNOW",
        PrecipitationKind.Snow => "SNOW",
        PrecipitationKind.SnowShowers => "SNOW SHOWERS",
        _ => "",
    };

    private static string When(PrecipitationTiming timing, bool night) => timing switch
    {
        PrecipitationTiming.Early => night ? " IN THE EVENING" : " IN THE MORNING",
        PrecipitationTiming.Late => night ? " AFTER MIDNIGHT" : " IN THE AFTERNOON",
        _ => "",
    };

    private static string ChanceSentence(HalfDayForecast f)
    {
        string name = f.Kind switch
        {
            PrecipitationKind.Snow or PrecipitationKind.SnowShowers => "SNOW",
            PrecipitationKind.RainAndSnow => "PRECIPITATION",
            _ => "RAIN",
        };
        return f.Chance >= 100 ? $"CHANCE OF {name} NEAR 100 PERCENT" : $"CHANCE OF {name} {f.Chance} PERCENT";
    }

    private static string SnowAccumulation(double inches)
    {
        if (inches < 0.5) return "LITTLE OR NO SNOW ACCUMULATION";
        if (inches < 1.5) return "SNOW ACCUMULATION AROUND AN INCH";
        int low = (int)Math.Floor(inches);
        return $"SNOW ACCUMULATION OF {low} TO {low + (low >= 4 ? 3 : 2)} INCHES";
    }
}
