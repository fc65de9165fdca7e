namespace RepoML.Training;

/// <summary>A trained model: its ONNX bytes, its description, and its metrics on the rows it was trained on (scored by ONNX Runtime).</summary>
public sealed class TrainedModel
{
    internal TrainedModel(byte[] onnx, int foldedTextEncoders, ModelInfo info, EvaluationResult trainingEvaluation, ITransformer transformer,
        MLContext context)
    {
        Onnx = onnx;
        FoldedTextEncoders = foldedTextEncoders;
        Info = info;
        TrainingEvaluation = trainingEvaluation;
        Transformer = transformer;
        Context = context;
    }

    public byte[] Onnx { get; }

    /// <summary>How many one-hot text columns' encoder chains the export had folded into one node each.</summary>
    public int FoldedTextEncoders { get; }

    public ModelInfo Info { get; }

    public EvaluationResult TrainingEvaluation { get; }

    /// <summary>The ML.NET model, kept so tests can check that ONNX Runtime reproduces its predictions.</summary>
    internal ITransformer Transformer { get; }

    internal MLContext Context { get; }
}
