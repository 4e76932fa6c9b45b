using LstmCourse.Weather;

namespace LstmCourse.Notebooks.Tests.Commands;

/// <summary>A twenty-day weather corpus in a temporary folder, shared by the training verbs' tests.</summary>
internal static class LabFixture
{
    private static readonly Lazy<string> corpus = new(() =>
    {
        string folder = Directory.CreateTempSubdirectory("lstm-course-lab-corpus-").FullName;
        WeatherCorpus.Write(folder, WeatherCorpusOptions.Tiny);
        return folder;
    });

    /// <summary>A folder with train.txt and valid.txt of <see cref="WeatherCorpusOptions.Tiny"/>.</summary>
    public static string TinyWeather => corpus.Value;
}
