using System.Text;
using RepoML.Core.Scoring;

namespace RepoML.Onnx.Graphs;

/// <summary>
/// The feature vector that a model rewritten by <see cref="FeatureVectorFolding"/> reads in place of its own inputs, and
/// where each input goes in it: a number as it is (one value), a text as its encoder's one-hot block (1 at its
/// category's position, all zeros for a text the encoder does not know). An input the graph declares but never reads
/// (ML.NET's export declares the label column so) has no place: it is accepted and not written.
/// </summary>
internal sealed class FeatureVectorLayout
{
    private readonly int[] offsets;
    private readonly Dictionary<string, int>?[] categories;

    /// <param name="vectorInput">The rewritten graph's one input.</param>
    /// <param name="width">Values per row of that input.</param>
    /// <param name="inputs">The model's own inputs, as its file declares them.</param>
    /// <param name="offsets">Where each input's values start in a row (-1: read by nothing).</param>
    /// <param name="categories">Each text input's categories, in the order of its block (null: a number, or read by nothing).</param>
    public FeatureVectorLayout(string vectorInput, int width, IReadOnlyList<OnnxTensorInfo> inputs, int[] offsets, IReadOnlyList<string>?[] categories)
    {
        VectorInput = vectorInput;
        Width = width;
        Inputs = inputs;
        this.offsets = offsets;
        this.categories = [.. categories.Select(c => c?.Select((text, at) => (text, at)).ToDictionary(p => p.text, p => p.at, StringComparer.Ordinal))];
        TextInputs = categories.Count(c => c is not null);
    }

    /// <summary>The rewritten graph's one input: float [rows, <see cref="Width"/>].</summary>
    public string VectorInput { get; }

    /// <summary>Values per row of <see cref="VectorInput"/>.</summary>
    public int Width { get; }

    /// <summary>The model's own inputs (float or string, [-1, 1]), in declaration order: what callers send.</summary>
    public IReadOnlyList<OnnxTensorInfo> Inputs { get; }

    /// <summary>How many inputs are text, one-hot encoded here instead of in the graph.</summary>
    public int TextInputs { get; }

    /// <summary>
    /// Writes <paramref name="source"/> (a <c>float[]</c> for a numeric input, a <c>string[]</c> for a text one), the
    /// values of input <paramref name="input"/> for rows <paramref name="row"/> on, into <paramref name="vector"/>.
    /// </summary>
    public void Write(int input, Array source, Span<float> vector, int row)
    {
        var at = offsets[input];
        if (at < 0)
        {
            return;
        }

        at += row * Width;
        if (categories[input] is not { } known)
        {
            foreach (var value in (float[])source)
            {
                vector[at] = value;
                at += Width;
            }

            return;
        }

        foreach (var text in (string[])source)
        {
            vector.Slice(at, known.Count).Clear();
            if (known.TryGetValue(AsRuntimeSees(text), out var category))
            {
                vector[at + category] = 1;
            }

            at += Width;
        }
    }

    /// <summary>
    /// The shape of each model input, in order, from tensors that name every input once, each a [rows, 1] column of its
    /// type with the same rows: what a feature vector can be written from (the graph's own checks do not see the inputs).
    /// </summary>
    /// <exception cref="ScoringInputException">An input is unknown, repeated, missing or not such a column.</exception>
    public long[][] ShapesOf(IReadOnlyList<OnnxTensor> inputs)
    {
        var shapes = new long[Inputs.Count][];
        foreach (var input in inputs)
        {
            var at = IndexOf(input.Name);
            if (at < 0 || shapes[at] is not null)
            {
                throw new ScoringInputException($"input '{input.Name}' is {(at < 0 ? "not an input of the model" : "given twice")}; inputs: {string.Join(", ", Inputs.Select(i => i.Name))}");
            }

            var expected = Inputs[at];
            var data = input.DataType switch { TensorDataType.Fp32 => input.Data is float[], TensorDataType.Bytes => input.Data is string[], _ => false };
            if (input.DataType != expected.DataType || !data || input.Shape is not [var rows, 1] || input.Data.Length != rows)
            {
                throw new ScoringInputException($"input '{input.Name}' is {input.DataType} [{string.Join(',', input.Shape)}]; the model takes {expected.DataType} [-1,1]");
            }

            shapes[at] = input.Shape;
        }

        if (Array.FindIndex(shapes, s => s is null) is var missing and >= 0)
        {
            throw new ScoringInputException($"model input '{Inputs[missing].Name}' is missing");
        }

        if (shapes.Any(s => s[0] != shapes[0][0]))
        {
            throw new ScoringInputException($"inputs have different numbers of rows: {string.Join(", ", Inputs.Select((i, k) => $"{i.Name} {shapes[k][0]}"))}");
        }

        return shapes;
    }

    /// <summary>The position of input <paramref name="name"/> among <see cref="Inputs"/>; -1 when it is none of them.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Inputs.Count; i++)
        {
            if (Inputs[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The text as ONNX Runtime's encoder compares it: strings reach it as UTF-8, where an unpaired surrogate becomes
    /// U+FFFD, so two strings that differ only there are one string to the encoder.
    /// </summary>
    private static string AsRuntimeSees(string text) =>
        text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 ? text : Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
}
