namespace RepoML.Tests.Shared;

/// <summary>What a <see cref="RecordingHttpServer"/> answers: a status code and a JSON body (none when empty).</summary>
internal sealed record HttpReply(int Status, string Body = "");
