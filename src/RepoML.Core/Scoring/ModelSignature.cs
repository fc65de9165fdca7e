namespace RepoML.Core.Scoring;

/// <summary>The inputs and outputs of a model, in the order the model declares them.</summary>
public sealed record ModelSignature(IReadOnlyList<ModelTensor> Inputs, IReadOnlyList<ModelTensor> Outputs)
{
    public ModelTensor? FindInput(string name) => Inputs.FirstOrDefault(i => i.Name == name);

    public ModelTensor? FindOutput(string name) => Outputs.FirstOrDefault(o => o.Name == name);
}
