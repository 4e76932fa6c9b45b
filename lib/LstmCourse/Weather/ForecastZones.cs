namespace LstmCourse.Weather;

/// <summary>The zones of the synthetic forecast office: western West Virginia and its neighbours in Ohio and Kentucky.</summary>
/// <remarks>Names, cities and elevations are real; the zone numbers are illustrative, not the NWS assignment.</remarks>
public static class ForecastZones
{
    /// <summary>Every zone, in the order products list them (state, then zone number).</summary>
    public static IReadOnlyList<ForecastZone> All { get; } =
    [
        new("KY", 101, "BOYD", ["ASHLAND"], 560),
        new("KY", 105, "LAWRENCE", ["LOUISA"], 600),
        new("OH", 086, "GALLIA", ["GALLIPOLIS"], 570),
        new("OH", 087, "LAWRENCE", ["IRONTON"], 550),
        new("WV", 005, "WAYNE", ["WAYNE", "KENOVA"], 700),
        new("WV", 006, "CABELL", ["HUNTINGTON"], 560),
        new("WV", 013, "MASON", ["POINT PLEASANT"], 570),
        new("WV", 014, "JACKSON", ["RIPLEY", "RAVENSWOOD"], 620),
        new("WV", 015, "PUTNAM", ["WINFIELD", "HURRICANE"], 620),
        new("WV", 016, "KANAWHA", ["CHARLESTON", "SOUTH CHARLESTON", "ST. ALBANS"], 600),
        new("WV", 017, "ROANE", ["SPENCER"], 730),
        new("WV", 018, "CLAY", ["CLAY"], 710),
        new("WV", 024, "LINCOLN", ["HAMLIN"], 680),
        new("WV", 025, "BOONE", ["MADISON"], 700),
        new("WV", 026, "LOGAN", ["LOGAN"], 680),
        new("WV", 027, "MINGO", ["WILLIAMSON"], 660),
        new("WV", 028, "NICHOLAS", ["SUMMERSVILLE"], 1890),
        new("WV", 033, "RALEIGH", ["BECKLEY"], 2420),
        new("WV", 039, "RANDOLPH", ["ELKINS"], 1930),
        new("WV", 040, "POCAHONTAS", ["MARLINTON", "SNOWSHOE"], 2700),
    ];
}
