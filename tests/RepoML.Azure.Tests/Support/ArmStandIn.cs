using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RepoML.Tests.Shared;

namespace RepoML.Azure.Tests.Support;

/// <summary>
/// A local stand-in of Azure Resource Manager on https://127.0.0.1 (the ARM client sends bearer tokens only over TLS):
/// stores PUT resources, answers long-running operations the way Azure ML does (201 + Azure-AsyncOperation for endpoints,
/// 202 + Location for deployments, then Succeeded), and records every request for the test to assert.
/// </summary>
internal sealed class ArmStandIn : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, JsonObject> resources = new(StringComparer.OrdinalIgnoreCase);
    private readonly X509Certificate2 certificate;
    private int operations;

    private ArmStandIn(WebApplication app, X509Certificate2 certificate)
    {
        this.app = app;
        this.certificate = certificate;
    }

    /// <summary>The region's operations (relative to <see cref="Address"/>) where the stand-in says to poll.</summary>
    private const string Region =
        "subscriptions/00000000-0000-0000-0000-000000000001/providers/Microsoft.MachineLearningServices/locations/westeurope";

    public Uri Address { get; private set; } = null!;

    public ConcurrentQueue<RecordedHttpRequest> Requests { get; } = new();

    /// <summary>A transport that trusts only this stand-in's self-signed certificate.</summary>
    public HttpPipelineTransport Transport => new HttpClientTransport(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == certificate.Thumbprint,
    });

    public static async Task<ArmStandIn> StartAsync()
    {
        var certificate = SelfSignedCertificate();
        var app = LoopbackKestrel.CreateBuilder(certificate: certificate).Build();
        var standIn = new ArmStandIn(app, certificate);
        app.Run(standIn.HandleAsync);
        standIn.Address = await LoopbackKestrel.StartAsync(app);
        return standIn;
    }

    /// <summary>A certificate for 127.0.0.1 valid for the next hour, with its private key.</summary>
    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value!;
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Requests.Enqueue(new RecordedHttpRequest(http.Request.Method, path + http.Request.QueryString, headers, body));
        if (path.Contains("/operations/", StringComparison.Ordinal))
        {
            await Json(http, 200, new JsonObject { ["status"] = "Succeeded" });
            return;
        }

        if (path.Contains("/locations/", StringComparison.Ordinal))
        {
            var target = http.Request.Query["target"].ToString();
            await Json(http, 200, resources[target]);
            return;
        }

        if (http.Request.Method == "GET")
        {
            if (resources.TryGetValue(path, out var stored))
            {
                await Json(http, 200, stored);
            }
            else
            {
                await Json(http, 404, new JsonObject { ["error"] = new JsonObject { ["code"] = "ResourceNotFound",
                    ["message"] = $"{path} not found" } });
            }

            return;
        }

        var resource = JsonNode.Parse(body)!.AsObject();
        resource["id"] = path;
        resource["name"] = path[(path.LastIndexOf('/') + 1)..];
        var properties = resource["properties"] as JsonObject ?? [];
        properties["provisioningState"] = "Succeeded";
        resource["properties"] = properties.DeepClone();
        resources[path] = resource;
        var operation = Interlocked.Increment(ref operations);
        if (path.Contains("/deployments/", StringComparison.Ordinal))
        {
            http.Response.Headers.Location = new Uri(Address,
                $"{Region}/mfeOperationResults/{operation}?api-version=2024-04-01&target={Uri.EscapeDataString(path)}").ToString();
            http.Response.Headers.RetryAfter = "0";
            await Json(http, 202, null);
        }
        else if (path.Contains("/onlineEndpoints/", StringComparison.Ordinal))
        {
            http.Response.Headers["Azure-AsyncOperation"] = new Uri(Address,
                $"{Region}/mfeOperationsStatus/operations/{operation}?api-version=2024-04-01").ToString();
            http.Response.Headers.RetryAfter = "0";
            await Json(http, 201, resource);
        }
        else
        {
            await Json(http, 201, resource);
        }
    }

    private static async Task Json(HttpContext http, int status, JsonNode? body)
    {
        http.Response.StatusCode = status;
        if (body is not null)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(body.ToJsonString());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await LoopbackKestrel.StopAsync(app);
        certificate.Dispose();
    }
}
