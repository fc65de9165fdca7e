namespace RepoML.Training.Trainers;

/// <summary>A hyper-parameter a trainer accepts, with the value used when none is given.</summary>
public sealed record HyperParameterSpec(string Name, bool IsInteger, double Minimum, double Default, string Description);
