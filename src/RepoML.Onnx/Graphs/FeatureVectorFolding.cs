using System.Text;

namespace RepoML.Onnx.Graphs;

/// <summary>
/// Takes the feature vector of an ML.NET export out of its graph: one <c>FeatureVectorizer</c> over numeric columns and
/// string <c>OneHotEncoder</c>s (as <see cref="CategoricalEncoderFolding"/> leaves them) becomes the graph's one input,
/// and the encoders' work — a category lookup per text — is done in managed code (<see cref="FeatureVectorLayout"/>).
/// A single row then runs no encoder node and needs no string tensor: one float input to bind instead of one per
/// column, and only the model's own nodes (trees, linear, …) left to run, exactly as they were.
/// <para>
/// Only a graph whose every answer stays the same is rewritten: every graph input is a [batch, 1] column read by the
/// vectorizer alone (float), by one string encoder alone (distinct categories, unknown text encoded as zeros, a block
/// the vectorizer takes whole), or by nothing; no value in between is a graph output. Anything else is left to run as
/// written (null). The rewritten model is for a session in memory: its inputs are not the model's signature, so it is
/// never written to a file.
/// </para>
/// </summary>
internal static class FeatureVectorFolding
{
    private const string MlDomain = "ai.onnx.ml";
    private const int InitializerField = 5, InputField = 11, OutputField = 12;
    private const int InitializerNameField = 8;

    /// <exception cref="InvalidDataException">The bytes are not a well-formed ONNX model.</exception>
    public static (byte[] Model, FeatureVectorLayout Layout)? Fold(byte[] model)
    {
        if (OnnxModelGraph.Read(model) is not { } modelGraph)
        {
            return null;
        }

        var (graphFields, nodes) = (modelGraph.Fields, modelGraph.Nodes);
        var inputs = graphFields.Where(f => f.Number == InputField).Select(f => OnnxValueInfo.Read(f.Bytes)).ToList();
        var initializers = graphFields.Where(f => f.Number == InitializerField)
            .Select(f => ProtoWire.Read(f.Bytes).LastOrDefault(t => t.Number == InitializerNameField).Text).ToHashSet(StringComparer.Ordinal);
        var outputs = graphFields.Where(f => f.Number == OutputField).Select(f => OnnxValueInfo.ReadName(f.Bytes)).ToHashSet(StringComparer.Ordinal);
        if (inputs.Count == 0 || nodes.Any(n => n.HasSubgraph) || inputs.Any(i => initializers.Contains(i.Name))
            || inputs.DistinctBy(i => i.Name).Count() != inputs.Count
            || nodes.Where(n => n.Is(MlDomain, "FeatureVectorizer")).ToList() is not [var vectorizer]
            || vectorizer.Outputs is not [var vector] || outputs.Contains(vector))
        {
            return null;
        }

        var readers = nodes.SelectMany(n => n.Inputs.Select(i => (Value: i, Node: n))).ToLookup(p => p.Value, p => p.Node, StringComparer.Ordinal);
        var producers = nodes.SelectMany(n => n.Outputs.Select(o => (Value: o, Node: n))).ToLookup(p => p.Value, p => p.Node, StringComparer.Ordinal);
        bool ReadOnlyBy(string value, OnnxNode node) => !outputs.Contains(value) && readers[value].ToList() is [var only] && only == node;

        var byName = inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var dimensions = vectorizer.Ints("inputdimensions");
        if (dimensions.Count != vectorizer.Inputs.Count || dimensions.Any(d => d < 1))
        {
            return null;
        }

        var offsets = new Dictionary<string, int>(StringComparer.Ordinal);
        var categoriesOf = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var removed = new HashSet<OnnxNode> { vectorizer };
        var width = 0L;
        for (var c = 0; c < vectorizer.Inputs.Count; c++)
        {
            var value = vectorizer.Inputs[c];
            if (!ReadOnlyBy(value, vectorizer))
            {
                return null;
            }

            if (byName.TryGetValue(value, out var number) && number.IsColumn(OnnxValueInfo.FloatType) && dimensions[c] == 1)
            {
                offsets[value] = (int)width;
            }
            else if (producers[value].ToList() is [var encoder] && Categories(encoder) is { } categories && categories.Count == dimensions[c]
                && byName.TryGetValue(encoder.Inputs[0], out var text) && text.IsColumn(OnnxValueInfo.StringType) && ReadOnlyBy(text.Name, encoder))
            {
                offsets[text.Name] = (int)width;
                categoriesOf[text.Name] = categories;
                removed.Add(encoder);
            }
            else
            {
                return null;
            }

            width += dimensions[c];
            if (width > int.MaxValue / 2)
            {
                return null;
            }
        }

        // An input nothing reads (ML.NET declares the label column when it was in the data given to the export) stays part of the signature.
        if (inputs.Any(i => !offsets.ContainsKey(i.Name) && (readers[i.Name].Any() || outputs.Contains(i.Name) || DataType(i) is null)))
        {
            return null;
        }

        var layout = new FeatureVectorLayout(
            vector,
            (int)width,
            [.. inputs.Select(i => new OnnxTensorInfo(i.Name, DataType(i), [-1, 1]))],
            [.. inputs.Select(i => offsets.GetValueOrDefault(i.Name, -1))],
            [.. inputs.Select(i => categoriesOf.GetValueOrDefault(i.Name))]);
        var vectorInput = new OnnxValueInfo(vector, OnnxValueInfo.FloatType, [null, width]);
        return (modelGraph.Rewrite(removed, removed.SelectMany(n => n.Outputs).ToHashSet(StringComparer.Ordinal),
            io: ProtoField.OfBytes(InputField, vectorInput.Write("N"))), layout);
    }

    /// <summary>The type of a float or string column input; null for any other input.</summary>
    private static TensorDataType? DataType(OnnxValueInfo input) =>
        input.IsColumn(OnnxValueInfo.FloatType) ? TensorDataType.Fp32 : input.IsColumn(OnnxValueInfo.StringType) ? TensorDataType.Bytes : null;

    /// <summary>
    /// A string encoder's categories, in the order of its output block; null when it is not one whose unknown text
    /// encodes to zeros, or when a category is not one string to both sides (repeated, or bytes that are not UTF-8).
    /// </summary>
    private static List<string>? Categories(OnnxNode encoder)
    {
        if (!encoder.Is(MlDomain, "OneHotEncoder") || encoder.Inputs.Count != 1 || encoder.Outputs.Count != 1
            || encoder.Attributes.Keys.Any(a => a is not ("cats_strings" or "zeros")) || (encoder.Int("zeros") ?? 1) != 1)
        {
            return null;
        }

        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var categories = new List<string>();
        foreach (var bytes in encoder.Strings("cats_strings"))
        {
            try
            {
                categories.Add(strict.GetString(bytes.Span));
            }
            catch (DecoderFallbackException)
            {
                return null;
            }
        }

        return categories.Count > 0 && categories.Distinct(StringComparer.Ordinal).Count() == categories.Count ? categories : null;
    }
}
