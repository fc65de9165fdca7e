namespace RepoML.Onnx.Tests;

/// <summary>Kept, refilled input values (<see cref="OnnxServingSession.RentInputs"/>) on a real model with float and string inputs.</summary>
public sealed class OnnxRunInputsTests : IDisposable
{
    private readonly OnnxServingSession session = OnnxServingSession.Load(TestData.Path("diabetes_regression_linear.onnx"));
    private readonly string[][] rows;
    private readonly string[] header;

    public OnnxRunInputsTests()
    {
        var lines = File.ReadLines(TestData.Path("diabetes.csv")).ToArray();
        header = lines[0].Split(',');
        rows = [.. lines.Skip(1).Select(l => l.Split(','))];
    }

    [Fact]
    public void Should_score_like_new_tensors_When_kept_inputs_are_refilled_with_other_rows()
    {
        // Given two different batches of three rows (the string input 'sex' differs between them)
        var first = rows[..3];
        var second = rows[3..6];
        Assert.NotEqual(first.Select(r => r[1]), second.Select(r => r[1]));

        // When both are scored through the same kept inputs, one after the other, and through new tensors
        var keptFirst = Kept(first);
        var keptSecond = Kept(second);

        // Then every run answers what new tensors answer for its own rows, not the previous batch's
        Assert.Equal(Fresh(first), keptFirst);
        Assert.Equal(Fresh(second), keptSecond);
        Assert.NotEqual(keptFirst, keptSecond);
    }

    [Fact]
    public void Should_hand_back_the_same_values_When_a_run_of_the_same_shapes_follows()
    {
        // Given inputs rented and given back for 3 rows
        var shapes = Shapes(3);
        var rented = session.RentInputs(shapes);
        rented.Dispose();

        // When the next run of 3 rows and a run of 4 rows rent theirs
        using var again = session.RentInputs(shapes);
        using var other = session.RentInputs(Shapes(4));

        // Then the 3-row run gets the kept values, the 4-row run values of its own shapes
        Assert.Same(rented, again);
        Assert.NotSame(rented, other);
        Assert.True(other.Fits(Shapes(4)));
        Assert.False(other.Fits(shapes));
    }

    [Fact]
    public void Should_lend_a_set_to_one_run_only_When_it_is_disposed_twice()
    {
        // Given inputs rented for 2 rows and given back twice
        var rented = session.RentInputs(Shapes(2));
        rented.Dispose();
        rented.Dispose();

        // When two runs of 2 rows rent theirs at once
        using var first = session.RentInputs(Shapes(2));
        using var second = session.RentInputs(Shapes(2));

        // Then they do not share one set
        Assert.NotSame(first, second);
    }

    [Fact]
    public void Should_not_keep_values_When_the_inputs_are_large()
    {
        // Given inputs for more rows than the pool keeps (10 inputs, so 10 x rows elements)
        var shapes = Shapes((int)(OnnxInputPool.MaxKeptElements / session.Inputs.Count) + 1);

        // When they are rented, given back and rented again
        var rented = session.RentInputs(shapes);
        rented.Dispose();
        using var again = session.RentInputs(shapes);

        // Then the second run gets new values: large buffers are freed after their run
        Assert.NotSame(rented, again);
    }

    public void Dispose() => session.Dispose();

    private long[][] Shapes(int count) => [.. session.Inputs.Select(_ => new long[] { count, 1 })];

    private float[] Kept(string[][] batch)
    {
        using var values = session.RentInputs(Shapes(batch.Length));
        for (var i = 0; i < session.Inputs.Count; i++)
        {
            values.Write(i, Column(batch, i), 0);
        }

        return (float[])session.Run(values, ["Score.output"])[0].Data;
    }

    private float[] Fresh(string[][] batch)
    {
        var tensors = session.Inputs.Select((input, i) => new OnnxTensor(input.Name, input.DataType!.Value, [batch.Length, 1], Column(batch,
            i))).ToArray();
        return (float[])session.Run(tensors, ["Score.output"])[0].Data;
    }

    private Array Column(string[][] batch, int input)
    {
        var info = session.Inputs[input];
        var column = Array.IndexOf(header, info.Name);
        return info.DataType == TensorDataType.Bytes
            ? batch.Select(r => r[column]).ToArray()
            : batch.Select(r => float.Parse(r[column], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }
}
