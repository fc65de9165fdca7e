namespace RepoML.Training.Schema;

/// <summary>How a feature column enters the model: as a float, or one-hot encoded as a string category.</summary>
public enum FeatureEncoding
{
    Numeric,
    Categorical,
}
