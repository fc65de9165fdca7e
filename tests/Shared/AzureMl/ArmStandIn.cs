using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RepoML.Tests.Shared.AzureMl;

/// <summary>
/// A local stand-in of Azure Resource Manager for one Azure ML workspace, on https://127.0.0.1 (the ARM client sends
/// bearer tokens only over TLS), driven by the real ArmClient. It checks what it receives the way the service would:
/// every request must be an operation of the pinned api-version, path names must match the spec's patterns, every
/// PUT/POST body is validated against the REST specification's definitions (<see cref="SwaggerValidator"/>), and the
/// references inside (components, environments, computes, code, data, model files, traffic) must exist. A violation is
/// answered 400 with ARM's error shape, and kept in <see cref="Violations"/>. Long-running operations are answered as
/// Azure ML does (201 + Azure-AsyncOperation, polled to Succeeded); jobs progress as they are polled and run
/// <see cref="ArmStandInOptions.Compute"/> before they report Completed.
/// </summary>
internal sealed partial class ArmStandIn : IAsyncDisposable
{
    private static readonly Lazy<SwaggerSpec> Spec2024 = new(() => SwaggerSpec.Load("2024-10-01"));
    private readonly WebApplication app;
    private readonly X509Certificate2 certificate;
    private readonly ArmStandInOptions options;
    private readonly SwaggerValidator validator;
    private readonly ConcurrentDictionary<string, (JsonObject Resource, long Order)> resources = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<int, (string Target, int Polls)> operations = new();
    private long order;
    private int operationCount;

    private ArmStandIn(WebApplication app, X509Certificate2 certificate, ArmStandInOptions options, StandInDatastore? datastore)
    {
        this.app = app;
        this.certificate = certificate;
        this.options = options;
        Datastore = datastore;
        validator = new SwaggerValidator(Spec2024.Value);
    }

    public Uri Address { get; private set; } = null!;

    public ConcurrentQueue<RecordedHttpRequest> Requests { get; } = new();

    /// <summary>Every violation of the specification seen, as "METHOD PATH: where: what".</summary>
    public ConcurrentQueue<string> Violations { get; } = new();

    public StandInDatastore? Datastore { get; }

    public ArmStandInOptions Options => options;

    /// <summary>A transport that trusts only this stand-in's self-signed certificate.</summary>
    public HttpPipelineTransport Transport => new HttpClientTransport(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == certificate.Thumbprint,
    });

    /// <summary>The blob service address of the datastore (Azurite's, not an account's public one).</summary>
    public Uri? BlobServiceUri => Datastore is null ? null : new Uri(Datastore.Container.Uri.AbsoluteUri[..Datastore.Container.Uri.AbsoluteUri.TrimEnd('/').LastIndexOf('/')]);

    public static async Task<ArmStandIn> StartAsync(ArmStandInOptions? options = null)
    {
        options ??= new ArmStandInOptions();
        StandInDatastore? datastore = null;
        if (options.AzuriteConnectionString is { } connection)
        {
            var container = new BlobServiceClient(connection).GetBlobContainerClient(options.DatastoreContainer);
            await container.CreateIfNotExistsAsync();
            datastore = new StandInDatastore(container);
        }

        var certificate = SelfSignedCertificate();
        var app = LoopbackKestrel.CreateBuilder(certificate: certificate).Build();
        var standIn = new ArmStandIn(app, certificate, options, datastore);
        standIn.Seed();
        app.Run(standIn.HandleAsync);
        standIn.Address = await LoopbackKestrel.StartAsync(app);
        return standIn;
    }

    /// <summary>A stored resource (as the stand-in would answer a GET), or null.</summary>
    public JsonObject? Resource(string id) => resources.TryGetValue(id, out var stored) ? stored.Resource : null;

    public async ValueTask DisposeAsync()
    {
        await LoopbackKestrel.StopAsync(app);
        certificate.Dispose();
    }

    private void Seed()
    {
        foreach (var compute in options.Computes)
        {
            Store($"{options.WorkspaceId}/computes/{compute}", new JsonObject { ["properties"] = new JsonObject { ["computeType"] = "AmlCompute" } });
        }

        foreach (var (environment, versions) in options.Environments)
        {
            foreach (var version in versions)
            {
                Store($"{options.WorkspaceId}/environments/{environment}/versions/{version}",
                    new JsonObject { ["properties"] = new JsonObject { ["image"] = $"registry.example/{environment}:{version}", ["provisioningState"] = "Succeeded" } });
            }
        }
    }

    private JsonObject Store(string path, JsonObject resource)
    {
        resource["id"] = path;
        resource["name"] = path[(path.LastIndexOf('/') + 1)..];
        resource["type"] = ResourceType(path);
        resource["systemData"] = new JsonObject { ["createdAt"] = DateTimeOffset.UtcNow.ToString("O") };
        var existing = resources.TryGetValue(path, out var stored) ? stored.Order : Interlocked.Increment(ref order);
        resources[path] = (resource, existing);
        return resource;
    }

    private static string ResourceType(string path)
    {
        var parts = path.Trim('/').Split('/');
        var provider = Array.FindIndex(parts, p => p == "providers");
        return string.Join('/', new[] { parts[provider + 1] }.Concat(parts[(provider + 2)..].Where((_, i) => i % 2 == 0)));
    }

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
}
