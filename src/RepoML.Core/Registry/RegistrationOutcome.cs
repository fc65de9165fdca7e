namespace RepoML.Core.Registry;

/// <summary>What registering some content under a name does.</summary>
public enum RegistrationOutcome
{
    /// <summary>The content becomes a new version.</summary>
    NewVersion,

    /// <summary>The same content is already a version: nothing to do.</summary>
    AlreadyRegistered,

    /// <summary>The same content is already registered on this branch, waiting to be merged.</summary>
    AlreadyPending,
}
