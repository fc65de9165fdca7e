namespace RepoML.Training.Trainers;

/// <summary>The options make no sense (unknown hyper-parameter, bad value): a usage error, exit code 2.</summary>
public sealed class TrainingOptionsException(string message) : Exception(message);
