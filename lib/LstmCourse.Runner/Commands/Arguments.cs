using System.Globalization;

namespace LstmCourse.Runner.Commands;

/// <summary>
/// A verb's parsed command line: positionals, flags (<c>--in-place</c>) and options with a value
/// (<c>--output DIR</c>, <c>--output=DIR</c>, repeatable like <c>-p a=1 -p b=2</c>). Unknown options and
/// missing values throw <see cref="UsageException"/> naming the option and what the verb takes.
/// </summary>
public sealed class Arguments
{
    private readonly string verb;
    private readonly HashSet<string> flagsGiven = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> values = new(StringComparer.Ordinal);
    private readonly List<string> positionals = [];

    private Arguments(string verb) => this.verb = verb;

    /// <summary>Arguments that are not options, in order.</summary>
    public IReadOnlyList<string> Positionals => positionals;

    /// <summary>Parses <paramref name="args"/> for <paramref name="verb"/>, which takes <paramref name="flags"/> and <paramref name="options"/>.</summary>
    public static Arguments Parse(string verb, IReadOnlyList<string> args, IReadOnlyCollection<string> flags, IReadOnlyCollection<string> options)
    {
        var parsed = new Arguments(verb);
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg == "--")
            {
                parsed.positionals.AddRange(args.Skip(i + 1));
                break;
            }
            if (!arg.StartsWith('-') || arg == "-")
            {
                parsed.positionals.Add(arg);
                continue;
            }
            int equals = arg.IndexOf('=');
            string name = equals > 0 && arg.StartsWith("--", StringComparison.Ordinal) ? arg[..equals] : arg;
            if (flags.Contains(name) && name == arg)
            {
                parsed.flagsGiven.Add(name);
            }
            else if (options.Contains(name))
            {
                string value = name != arg ? arg[(equals + 1)..]
                    : i + 1 < args.Count ? args[++i]
                    : throw new UsageException($"{name} needs a value.");
                if (!parsed.values.TryGetValue(name, out var list))
                {
                    parsed.values[name] = list = [];
                }
                list.Add(value);
            }
            else
            {
                string known = string.Join(", ", flags.Concat(options));
                throw new UsageException($"unknown option '{arg}' for '{verb}'" + (known.Length > 0 ? $"; it takes {known}." : "; it takes no options."));
            }
        }
        return parsed;
    }

    /// <summary>True when the flag was given.</summary>
    public bool Flag(string name) => flagsGiven.Contains(name);

    /// <summary>Every value given for a repeatable option, in order.</summary>
    public IReadOnlyList<string> Values(string name) => values.TryGetValue(name, out var list) ? list : [];

    /// <summary>The value of an option given at most once, or null.</summary>
    public string? Value(string name)
    {
        var list = Values(name);
        return list.Count switch
        {
            0 => null,
            1 => list[0],
            _ => throw new UsageException($"{name} is given {list.Count} times for '{verb}'; give it once."),
        };
    }

    /// <summary>A positive number of seconds, or <paramref name="fallback"/> when the option is absent.</summary>
    public TimeSpan Seconds(string name, TimeSpan fallback)
    {
        string? text = Value(name);
        if (text is null)
        {
            return fallback;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds > 0 && seconds < 1e7
            ? TimeSpan.FromSeconds(seconds)
            : throw new UsageException($"{name} takes a positive number of seconds, e.g. {name} 120; got '{text}'.");
    }

    /// <summary>A positive whole number, or <paramref name="fallback"/> when the option is absent.</summary>
    public long PositiveInteger(string name, long fallback)
    {
        string? text = Value(name);
        if (text is null)
        {
            return fallback;
        }
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value > 0 && value <= int.MaxValue
            ? value
            : throw new UsageException($"{name} takes a positive whole number, e.g. {name} 2; got '{text}'.");
    }
}
