using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

/// <summary>
/// The HTTP floor: a minimal Kestrel server that reads each POST /score body and answers a fixed JSON of the same
/// size as the scoring server's, with no parsing and no model. On the same cores and load generator, its throughput
/// is the most any HTTP scoring server can reach here; the scoring server's ratio to raw Run is bounded by this one's.
/// </summary>
internal static class HttpFloor
{
    public static async Task RunAsync(int port, byte[] answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapPost("/score", async (HttpContext http) =>
        {
            var reader = http.Request.BodyReader;
            var read = await reader.ReadAsync();
            while (!read.IsCompleted)
            {
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                read = await reader.ReadAsync();
            }

            reader.AdvanceTo(read.Buffer.End);
            return Results.Bytes(answer, "application/json");
        });
        app.MapGet("/", () => "ok");
        await app.RunAsync($"http://127.0.0.1:{port}");
    }
}
