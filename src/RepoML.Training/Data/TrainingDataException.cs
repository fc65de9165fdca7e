namespace RepoML.Training.Data;

/// <summary>The data cannot be used as asked (bad CSV row, missing column, non-numeric label): exit code 1, not a bug.</summary>
public sealed class TrainingDataException(string message) : Exception(message);
