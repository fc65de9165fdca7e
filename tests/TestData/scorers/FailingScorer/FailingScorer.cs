namespace FailingScorer;

/// <summary>
/// Fails on purpose, through the asynchronous form of the contract: Init throws when the model folder holds
/// init-fails.txt (its text is the message), and every RunAsync throws.
/// </summary>
public sealed class FailingScorer
{
    public void Init(string modelDirectory)
    {
        var marker = Path.Combine(modelDirectory, "init-fails.txt");
        if (modelDirectory.Length > 0 && File.Exists(marker))
        {
            throw new InvalidOperationException(File.ReadAllText(marker).Trim());
        }
    }

    public async Task<string> RunAsync(string rawData, CancellationToken cancellationToken)
    {
        await Task.Yield();
        throw new InvalidOperationException("secret-detail: the scorer failed on purpose");
    }
}
