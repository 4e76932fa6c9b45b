using LstmCourse.Fuzz;

// lstm-course-fuzz [checkpoints N] [overrides N] [kills N] [--seed S] [--detailed]: see README.md.
var counts = new Dictionary<string, int>(StringComparer.Ordinal);
int seed = 1;
bool detailed = args.Contains("--detailed");
args = args.Where(a => a != "--detailed").ToArray();
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--seed" && i + 1 < args.Length) { seed = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); continue; }
    if (args[i] is not ("checkpoints" or "overrides" or "kills"))
    {
        Console.Error.WriteLine($"unknown campaign '{args[i]}'; campaigns: checkpoints N, overrides N, kills N; --seed S");
        return 1;
    }
    counts[args[i]] = i + 1 < args.Length && int.TryParse(args[i + 1], out int n) ? int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture) : 100;
}
if (counts.Count == 0) counts = new() { ["checkpoints"] = 400, ["overrides"] = 300, ["kills"] = 30 };

using var workspace = new Workspace();
var tallies = new List<Tally>();
if (counts.TryGetValue("checkpoints", out int c)) tallies.AddRange(Campaigns.Checkpoints(workspace, c, seed));
if (counts.TryGetValue("overrides", out int o)) tallies.Add(Campaigns.Overrides(workspace, o, seed));
if (counts.TryGetValue("kills", out int k)) tallies.AddRange(Campaigns.Kills(workspace, k, seed));
Console.WriteLine();
foreach (var tally in tallies) tally.Print(Console.Out, detailed);
int failures = tallies.Sum(t => t.Failures.Count);
Console.WriteLine($"{tallies.Sum(t => t.Cases)} cases, {failures} failures (seed {seed})");
return failures == 0 ? 0 : 2;
