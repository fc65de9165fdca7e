namespace RepoML.Core.Comparison;

/// <summary>A calibration bin [Low, High): mean predicted probability against the observed rate, over Count rows.</summary>
public sealed record CalibrationBin(double Low, double High, double MeanPredicted, double Observed, int Count);
