namespace RepoML.Onnx.Graphs;

/// <summary>
/// Makes the class probabilities of an sklearn-style classifier a tensor output. skl2onnx ends a classifier in a
/// <c>ZipMap</c> (ai.onnx.ml) whose output is a sequence of maps, class → probability, which neither <c>/score</c>'s rows
/// nor the Open Inference Protocol carry, so a served model answered its label and never its probabilities. The float
/// tensor [N, classes] that the <c>ZipMap</c> reads, columns in the order of its class labels, is added to the graph's
/// outputs under its own name (skl2onnx: <c>probabilities</c> or <c>probability_tensor</c>); every other output stays as
/// it was. Like the other rewrites here, the model is for a session in memory, never written to a file.
/// </summary>
internal static class ZipMapExposure
{
    private const string MlDomain = "ai.onnx.ml";
    private const int InputField = 11, OutputField = 12;

    /// <returns>The model with each graph output made by a <c>ZipMap</c> joined by the tensor it reads; null when there is none to add.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a well-formed ONNX model.</exception>
    public static byte[]? Expose(byte[] model)
    {
        if (OnnxModelGraph.Read(model) is not { } graph)
        {
            return null;
        }

        var names = graph.Fields.Where(f => f.Number is InputField or OutputField).Select(f => OnnxValueInfo.Read(f.Bytes).Name)
            .ToHashSet(StringComparer.Ordinal);
        var outputs = graph.Fields.Where(f => f.Number == OutputField).Select(f => OnnxValueInfo.Read(f.Bytes).Name).ToHashSet(StringComparer.Ordinal);
        var added = new List<ProtoField>();
        foreach (var zipMap in graph.Nodes.Where(n => n.Is(MlDomain, "ZipMap")))
        {
            var classes = Math.Max(zipMap.Ints("classlabels_int64s").Count, zipMap.Strings("classlabels_strings").Count);
            if (zipMap.Inputs is [var probabilities] && zipMap.Outputs is [var zipped] && outputs.Contains(zipped) && classes > 0
                && names.Add(probabilities))
            {
                added.Add(ProtoField.OfBytes(OutputField, new OnnxValueInfo(probabilities, OnnxValueInfo.FloatType, [null, classes]).Write("N")));
            }
        }

        if (added.Count == 0)
        {
            return null;
        }

        var fields = new List<ProtoField>(graph.Fields);
        fields.InsertRange(fields.FindLastIndex(f => f.Number == OutputField) + 1, added);
        return graph.WithGraph(ProtoWire.Write(fields));
    }
}
