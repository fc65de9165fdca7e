// The server on its own (as in the packaged image): dotnet RepoML.Serving.dll --RepoML:Endpoint endpoints/credit --urls http://0.0.0.0:5001
var builder = WebApplication.CreateBuilder(args);
builder.AddRepoMLServing(ServingOptions.FromConfiguration(builder.Configuration));
var app = builder.Build();
app.MapRepoMLServing();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
