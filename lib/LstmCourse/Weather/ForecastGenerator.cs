using LstmCourse.Numerics;

namespace LstmCourse.Weather;

/// <summary>Writes NWS-style zone forecast products from <see cref="WeatherSimulation"/>: two issuances a day
/// (around 4 AM and 4 PM local, now and then a late-morning or evening update), one product per zone.</summary>
/// <remarks>
/// <code>
/// periods: TODAY (or THIS AFTERNOON), TONIGHT, D+1, D+1 NIGHT, D+2, D+2 NIGHT, D+3, D+4 ... D+6
///          an afternoon issuance starts at TONIGHT; from D+4 on each period is a day with its night's low and its high
/// lead 0..2 days: sky, precipitation, fog, snow, temperature, wind and chance sentences; later: sky, precipitation, temperatures
/// </code>
/// Every product depends only on (seed, start date, its issuance, its zone), never on what else is generated.
/// </remarks>
public static class ForecastGenerator
{
    /// <summary>Days a product covers: the issuance day and six more.</summary>
    public const int ForecastDays = 7;

    /// <summary>Chance that an issuance is an update (late morning or evening) instead of the routine 4 AM / 4 PM one.</summary>
    public const double UpdateProbability = 0.12;

    /// <summary>The products of <paramref name="days"/> days of issuances starting on <paramref name="startDate"/>, in
    /// issuance order and, within an issuance, in zone order.</summary>
    /// <param name="zonesPerIssuance">Zones written per issuance (null: every zone). Issuance j writes zones
    /// (j·k) mod Z .. (j·k + k − 1) mod Z, so a thinned run still visits every zone in turn.</param>
    /// <param name="zones">The zones (default <see cref="ForecastZones.All"/>).</param>
    public static IEnumerable<ForecastProduct> Generate(
        int seed, DateOnly startDate, int days, int? zonesPerIssuance = null, IReadOnlyList<ForecastZone>? zones = null)
    {
        zones ??= ForecastZones.All;
        if (days <= 0) throw new ArgumentException($"days must be positive, got {days}.", nameof(days));
        if (zones.Count == 0) throw new ArgumentException("zones is empty; pass at least one zone or leave it null for ForecastZones.All.", nameof(zones));
        int k = zonesPerIssuance ?? zones.Count;
        if (k < 1 || k > zones.Count)
            throw new ArgumentException($"zonesPerIssuance must be between 1 and the {zones.Count} zones, got {k}.", nameof(zonesPerIssuance));
        if (startDate.Year < 1987)
            throw new ArgumentException($"startDate {startDate:yyyy-MM-dd} is before 1987, where EasternTime has no daylight-saving rules.", nameof(startDate));
        return GenerateCore(seed, startDate, days, k, zones);
    }

    private static IEnumerable<ForecastProduct> GenerateCore(int seed, DateOnly startDate, int days, int k, IReadOnlyList<ForecastZone> zones)
    {
        var simulation = WeatherSimulation.Run(seed, startDate, days + ForecastDays);
        long j = 0;
        for (int d = 0; d < days; d++)
            for (int slot = 0; slot < 2; slot++, j++)
            {
                DateTime issued = IssuanceTime(seed, startDate.AddDays(d), slot);
                for (int i = 0; i < k; i++)
                {
                    int zoneIndex = (int)((j * k + i) % zones.Count);
                    yield return Product(seed, simulation, d, slot, issued, zones[zoneIndex], zoneIndex);
                }
            }
    }

    /// <summary>Local issuance time of the morning (slot 0) or afternoon (slot 1) product of <paramref name="date"/>:
    /// routine 3:15–4:44 AM / PM, updates 10:45–11:59 AM or 8:30–10:59 PM.</summary>
    public static DateTime IssuanceTime(int seed, DateOnly date, int slot)
    {
        var rng = new Rng(SeedMix.Of(seed, 0x155, date.DayNumber, slot));
        bool update = rng.NextDouble() < UpdateProbability;
        int minutes = (slot, update) switch
        {
            (0, false) => 195 + rng.NextInt(90),
            (0, true) => 645 + rng.NextInt(75),
            (_, false) => 915 + rng.NextInt(90),
            _ => 1230 + rng.NextInt(150),
        };
        return date.ToDateTime(new TimeOnly(minutes / 60, minutes % 60));
    }

    private enum Shape { Day, Night, Tail }

    private static ForecastProduct Product(
        int seed, IReadOnlyList<SimulatedDay> simulation, int d0, int slot, DateTime issued, ForecastZone zone, int zoneIndex)
    {
        DateOnly issueDate = DateOnly.FromDateTime(issued);
        long issuance = 2L * issueDate.DayNumber + slot;
        var plan = Plan(issued, d0);
        HalfDayForecast Forecast(int day, bool night) =>
            HalfDayForecast.Of(seed, issuance, simulation[day], night, day - d0, zone, zoneIndex);

        var lows = new int?[plan.Count];
        var highs = new int?[plan.Count];
        var weather = new HalfDayForecast[plan.Count];
        for (int p = 0; p < plan.Count; p++)
        {
            var (_, day, shape) = plan[p];
            var f = Forecast(day, shape == Shape.Night);
            if (shape == Shape.Tail)
            {
                var nightBefore = Forecast(day - 1, night: true);
                lows[p] = nightBefore.Temperature;
                if (nightBefore.Chance > f.Chance)
                    f = f with { Chance = nightBefore.Chance, Kind = f.Kind == PrecipitationKind.None ? nightBefore.Kind : f.Kind };
                double cloud = (f.Cloud + nightBefore.Cloud) / 2;
                f = f with { Cloud = f.Chance >= 30 ? Math.Max(cloud, 0.6) : cloud, Timing = PrecipitationTiming.Whole };
            }
            if (shape == Shape.Night) lows[p] = f.Temperature; else highs[p] = f.Temperature;
            weather[p] = f;
        }
        KeepLowsBelowHighs(lows, highs);

        bool near = new Rng(SeedMix.Of(seed, 0x30e, issuance)).NextDouble() < 0.3;
        var periods = new List<ForecastPeriod>(plan.Count);
        string text = ProductText.Header(zone, issued, Expiry(issued));
        for (int p = 0; p < plan.Count; p++)
        {
            var (name, day, shape) = plan[p];
            bool night = shape == Shape.Night, detailed = day - d0 <= 2;
            var rng = new Rng(SeedMix.Of(seed, 0x30d, issuance, p));
            double? nextCloud = detailed ? Forecast(night ? day + 1 : day, !night).Cloud : null;
            var (sentences, chance) = PeriodWording.Weather(weather[p], night, detailed, nextCloud, rng);
            if (lows[p] is int low) sentences.Add("LOWS " + TemperaturePhrase.Format(low, near));
            if (highs[p] is int high) sentences.Add("HIGHS " + TemperaturePhrase.Format(high, near));
            if (detailed) sentences.Add(PeriodWording.Wind(weather[p]));
            if (chance is not null) sentences.Add(chance);
            string periodText = ProductText.Period(name.ToString(), sentences);
            periods.Add(new ForecastPeriod(name, simulation[day].Date, lows[p], highs[p], weather[p].Chance, periodText));
            text += periodText;
        }
        text += ProductText.Terminator;
        return new ForecastProduct(zone, issued, Expiry(issued), periods, text);
    }

    private static List<(PeriodName Name, int Day, Shape Shape)> Plan(DateTime issued, int d0)
    {
        var plan = new List<(PeriodName, int, Shape)>();
        var first = PeriodName.FirstFor(TimeOnly.FromDateTime(issued));
        if (first != PeriodName.Tonight) plan.Add((first, d0, Shape.Day));
        plan.Add((PeriodName.Tonight, d0, Shape.Night));
        DayOfWeek Weekday(int lead) => issued.AddDays(lead).DayOfWeek;
        for (int lead = 1; lead <= 2; lead++)
        {
            plan.Add((PeriodName.DayOf(Weekday(lead)), d0 + lead, Shape.Day));
            plan.Add((PeriodName.NightOf(Weekday(lead)), d0 + lead, Shape.Night));
        }
        plan.Add((PeriodName.DayOf(Weekday(3)), d0 + 3, Shape.Day));
        for (int lead = 4; lead < ForecastDays; lead++)
            plan.Add((PeriodName.DayOf(Weekday(lead)), d0 + lead, Shape.Tail));
        return plan;
    }

    /// <summary>Lowers each low until it is 3 F below, and its phrase means less than, the high stated just before
    /// and just after it (the rule <see cref="ForecastValidator"/> checks).</summary>
    private static void KeepLowsBelowHighs(int?[] lows, int?[] highs)
    {
        var statements = new List<(int Period, bool IsLow)>();
        for (int p = 0; p < lows.Length; p++)
        {
            if (lows[p] is not null) statements.Add((p, true));
            if (highs[p] is not null) statements.Add((p, false));
        }
        for (int s = 0; s < statements.Count; s++)
        {
            if (!statements[s].IsLow) continue;
            int p = statements[s].Period;
            foreach (int h in NeighbourHighs(statements, s))
                while (lows[p]!.Value > highs[h]!.Value - 3 || Meaning(lows[p]!.Value) >= Meaning(highs[h]!.Value))
                    lows[p]--;
        }
    }

    private static IEnumerable<int> NeighbourHighs(List<(int Period, bool IsLow)> statements, int s)
    {
        for (int b = s - 1; b >= 0; b--) if (!statements[b].IsLow) { yield return statements[b].Period; break; }
        for (int a = s + 1; a < statements.Count; a++) if (!statements[a].IsLow) { yield return statements[a].Period; break; }
    }

    private static double Meaning(int fahrenheit)
    {
        TemperaturePhrase.TryParse(TemperaturePhrase.Format(fahrenheit), out double value);
        return value;
    }

    private static DateTime Expiry(DateTime issued)
    {
        DateTime nextRoutine = issued.Hour < 12 ? issued.Date.AddHours(16) : issued.Date.AddDays(1).AddHours(4);
        return EasternTime.ToUtc(nextRoutine.AddHours(1));
    }
}
