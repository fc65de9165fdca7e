namespace RepoML.Serving.Scoring;

/// <summary>
/// Scores a request's rows one run each, for a model whose every input takes exactly one row (<see cref="TableModel.RowByRow"/>):
/// PyTorch exports without dynamic axes fix the batch at 1 ([1,3,224,224]). Each output of a run is that row's entry
/// (first dimension 1, or a scalar), and the entries are stacked into one answer as a batched run would give it.
/// </summary>
internal static class RowByRow
{
    /// <exception cref="ScoringInputException">ONNX Runtime rejected a row, or an output is not one entry of the same size for every row.</exception>
    public static IReadOnlyList<OnnxTensor> Run(TableModel model, TableBatch batch)
    {
        var inputs = model.Inputs;
        var widths = batch.Columns.Select(c => c.Length / batch.Rows).ToArray();
        var shapes = inputs.Select((input, i) => input.ShapeFor(1, widths[i])).ToArray();
        OnnxTensor[]? stacked = null;
        for (var r = 0; r < batch.Rows; r++)
        {
            IReadOnlyList<OnnxTensor> outputs;
            using (var values = model.Session.RentInputs(shapes))
            {
                for (var i = 0; i < inputs.Count; i++)
                {
                    var row = OnnxTensor.NewArray(inputs[i].DataType!.Value, widths[i]);
                    Array.Copy(batch.Columns[i], r * widths[i], row, 0, widths[i]);
                    values.Write(i, row, 0);
                }

                outputs = model.Session.Run(values, model.OutputNames);
            }

            stacked ??= [.. outputs.Select(o => new OnnxTensor(o.Name, o.DataType, [batch.Rows, .. o.Shape.Skip(1)],
                OnnxTensor.NewArray(o.DataType, batch.Rows * o.Data.Length)))];
            for (var k = 0; k < outputs.Count; k++)
            {
                var output = outputs[k];
                if (output.Shape is not ([] or [1, ..]) || output.Data.Length * batch.Rows != stacked[k].Data.Length)
                {
                    throw new ScoringInputException($"model output '{output.Name}' has shape [{string.Join(',', output.Shape)}] for one row" +
                        $"{(r > 0 ? $" (row {r}), another than for row 0" : "")}, not one entry: /score answers row by row; /v2/models/{{name}}/infer " +
                        "answers whole tensors");
                }

                Array.Copy(output.Data, 0, stacked[k].Data, r * output.Data.Length, output.Data.Length);
            }
        }

        return stacked!;
    }
}
