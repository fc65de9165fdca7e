namespace RepoML.Azure;

/// <summary>No Azure credential could be had, or signing in failed; the message is one line saying what to set.</summary>
public sealed class AzureMlCredentialException(string message, Exception? inner = null) : Exception(message, inner);
