using LstmCourse.Text;

namespace LstmCourse.Tests.Text;

public class BatchStreamTests
{
    private static readonly int[] Tokens = Enumerable.Range(0, 23).ToArray();     // token k = its position: layouts read as positions

    [Fact]
    public void Stream_n_starts_at_n_times_P_over_N_and_targets_are_the_next_tokens()
    {
        var stream = new BatchStream(Tokens, batchSize: 3, sequenceLength: 2);     // P = 22 pairs: starts 0, 7, 14
        Assert.Equal([0, 7, 14], Enumerable.Range(0, 3).Select(stream.StreamStart));
        Assert.Equal(3, stream.BatchesPerEpoch);                                    // ⌊⌊22 / 3⌋ / 2⌋ = ⌊7 / 2⌋
        int[] x = new int[6], y = new int[6];
        stream.Read(x, y);
        Assert.Equal([0, 1, 7, 8, 14, 15], x);
        Assert.Equal([1, 2, 8, 9, 15, 16], y);
        stream.Read(x, y);
        Assert.Equal([2, 3, 9, 10, 16, 17], x);                                     // each stream continues where it stopped
        Assert.Equal([3, 4, 10, 11, 17, 18], y);
    }

    [Fact]
    public void An_epoch_ends_after_its_batches_and_the_next_starts_from_the_beginning()
    {
        var stream = new BatchStream(Tokens, 3, 2);
        int[] x = new int[6], y = new int[6];
        for (int b = 0; b < 3; b++) stream.Read(x, y);
        Assert.True(stream.EndOfEpoch);
        Assert.Equal(1.0, stream.EpochFraction);
        Assert.Equal([4, 5, 11, 12, 18, 19], x);
        Assert.Contains("NextEpoch", Assert.Throws<InvalidOperationException>(() => stream.Read(x, y)).Message);
        stream.NextEpoch();
        stream.Read(x, y);
        Assert.Equal([0, 1, 7, 8, 14, 15], x);
        Assert.Equal(1, stream.Epoch);
    }

    [Fact]
    public void The_last_target_never_reads_past_the_text()
    {
        for (int len = 2; len <= 40; len++)
            for (int N = 1; N <= 4; N++)
                for (int T = 1; T <= 4; T++)
                {
                    if (len < N * T + 1) continue;
                    var stream = new BatchStream(Enumerable.Range(0, len).ToArray(), N, T);
                    int[] x = new int[N * T], y = new int[N * T];
                    while (!stream.EndOfEpoch) stream.Read(x, y);
                    Assert.True(y.Max() <= len - 1, $"len {len}, N {N}, T {T}");
                    Assert.All(Enumerable.Range(0, N * T), k => Assert.Equal(x[k] + 1, y[k]));
                }
    }

    [Fact]
    public void Peek_shows_the_next_batch_without_moving_even_across_the_epoch_end()
    {
        var stream = new BatchStream(Tokens, 3, 2);
        int[] x = new int[6], y = new int[6], px = new int[6], py = new int[6];
        stream.Peek(px, py);
        stream.Read(x, y);
        Assert.Equal(x, px);
        Assert.Equal(y, py);
        while (!stream.EndOfEpoch) stream.Read(x, y);
        stream.Peek(px, py);
        Assert.True(stream.EndOfEpoch);
        Assert.Equal([0, 1, 7, 8, 14, 15], px);
    }

    [Fact]
    public void Seek_returns_to_a_saved_position()
    {
        var a = new BatchStream(Tokens, 3, 2);
        int[] x = new int[6], y = new int[6], x2 = new int[6], y2 = new int[6];
        a.Read(x, y);
        var b = new BatchStream(Tokens, 3, 2);
        b.Seek(a.Epoch, a.Batch);
        a.Read(x, y);
        b.Read(x2, y2);
        Assert.Equal(x, x2);
        Assert.Equal(y, y2);
    }

    [Fact]
    public void A_text_too_short_for_one_batch_names_the_sizes_and_the_fix()
    {
        var e = Assert.Throws<ArgumentException>(() => new BatchStream(new int[10], 3, 4));
        Assert.Contains("10 tokens", e.Message);
        Assert.Contains("needs 13", e.Message);
        Assert.Contains("Lower BatchSize or SequenceLength", e.Message);
    }
    /// <summary>Documents "a…$$\n" of lengths 6, 9, 7, 12, 8, 10 as tokens: letters a.., then '$' = 90, '\n' = 91.</summary>
    private static (int[] Tokens, int[] Starts) Documents()
    {
        var tokens = new List<int>();
        var starts = new List<int>();
        int[] lengths = [6, 9, 7, 12, 8, 10];
        for (int d = 0; d < lengths.Length; d++)
        {
            starts.Add(tokens.Count);
            for (int k = 0; k < lengths[d] - 3; k++) tokens.Add(10 * d + k % 10);
            tokens.AddRange([90, 90, 91]);
        }
        return ([.. tokens], [.. starts]);
    }

    [Fact]
    public void Aligned_rows_start_at_documents_stream_by_stream_and_carry_no_state()
    {
        var (tokens, starts) = Documents();
        var stream = BatchStream.AlignedTo(tokens, [90, 90, 91], batchSize: 2, sequenceLength: 5);
        Assert.False(stream.CarriesState);
        Assert.Equal(6, stream.DocumentCount);                                     // the text's end leaves room for every start
        Assert.Equal(3, stream.BatchesPerEpoch);                                    // ⌊6 / 2⌋
        int[] x = new int[10], y = new int[10];
        for (int b = 0; b < 3; b++)
        {
            stream.Read(x, y);
            for (int n = 0; n < 2; n++)
            {
                int from = starts[3 * n + b];                                       // stream n owns documents 3n, 3n + 1, 3n + 2
                Assert.Equal(tokens[from..(from + 5)], x[(5 * n)..(5 * n + 5)]);
                Assert.Equal(tokens[(from + 1)..(from + 6)], y[(5 * n)..(5 * n + 5)]);
            }
        }
        Assert.True(stream.EndOfEpoch);
    }

    [Fact]
    public void Aligned_rows_run_on_into_the_next_document_and_starts_without_room_are_left_out()
    {
        var (tokens, starts) = Documents();
        var stream = BatchStream.AlignedTo(tokens, [90, 90, 91], batchSize: 1, sequenceLength: 14);
        Assert.Equal(starts.Count(a => a + 15 <= tokens.Length), stream.DocumentCount);   // the last document (10 tokens) is too short
        int[] x = new int[14], y = new int[14];
        stream.Read(x, y);
        Assert.Equal(tokens[..14], x);                                              // document 0 (6 tokens) and 8 of document 1
    }

    [Fact]
    public void Aligned_batches_need_a_document_per_stream_and_say_how_to_get_them()
    {
        var (tokens, _) = Documents();
        var e = Assert.Throws<ArgumentException>(() => BatchStream.AlignedTo(tokens, [90, 90, 91], batchSize: 4, sequenceLength: 46));
        Assert.Contains("the text holds 7 documents but only 1 leave room for 46 + 1 tokens", e.Message);
        Assert.Contains("Lower BatchSize or SequenceLength", e.Message);
        Assert.Contains("separator is empty", Assert.Throws<ArgumentException>(() => BatchStream.AlignedTo(tokens, [], 1, 4)).Message);
    }
}
