// Writes a `git fast-import` stream for a registry benchmark repository to stdout:
//   COMMITS first-parent commits on main by 7 authors; every 5th adds a version record (records as `repoml register`
//   writes them) for one of MODELS models; every 200th is a --no-ff merge of a side commit carrying the record;
//   endpoints/<model>/blue.yml deployments follow @latest for 20 models and are re-pinned now and then.
//   With RUNS=runs (bench/site), each record also carries the lineage of the pipeline run that produced it (jobs, literal
//   parameters, metrics), as `repoml register --from-run` writes it.
// Usage: RepoML.Bench.Registry [commits=10000] [models=200] [versions=2000] [runs] | git fast-import
using System.Globalization;
using System.Text;
using RepoML.Core.Artifacts;
using RepoML.Core.Registry;

var commits = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var models = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
var versions = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2_000;
var withRuns = args.Length > 3 && args[3] == "runs";
var every = commits / versions;
var output = new BufferedStream(Console.OpenStandardOutput(), 1 << 20);
var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
var authors = new[] { "alice", "bob", "carol", "dave", "erin", "frank", "grace" };
var mark = 0;
var registered = 0;

void Write(string text) => output.Write(Encoding.UTF8.GetBytes(text));

void Data(string text)
{
    var bytes = Encoding.UTF8.GetBytes(text);
    Write($"data {bytes.Length}\n");
    output.Write(bytes);
    Write("\n");
}

(string Path, string Content) Record(int n)
{
    var name = $"model-{n % models:D3}";
    var digest = Digest.Compute(Encoding.UTF8.GetBytes($"{name}-bytes-{n}")).ToString();
    var record = new RegistrationRecord(
        RegistrationRecord.CurrentSchema, "model", name, digest, 1000 + n, 2, $"models/{name}.yml", null,
        new Dictionary<string, string> { ["task"] = n % 2 == 0 ? "binary-classification" : "regression", ["team"] = authors[n % 7] },
        new Dictionary<string, string>(), new Dictionary<string, double> { ["auc"] = 0.5 + (n % 50) / 100.0 },
        DateTimeOffset.FromUnixTimeSeconds(start + n * 60L), null, null, withRuns ? Run(n, digest) : null);
    return (RegistryPath.Version(AssetKind.Model, name, record.Key).Path, RegistrationRecordJson.Serialize(record));
}

RunLineage Run(int n, string model)
{
    var data = Digest.Compute(Encoding.UTF8.GetBytes($"data-{n % 7}")).ToString();
    return new RunLineage($"run-{n:D5}", "pipelines/train.yml", data, null, null, "main", "train", "model",
        DateTimeOffset.FromUnixTimeSeconds(start + n * 60L),
        [
            new JobLineage("train", "completed", false, "azureml:trainer@latest", data, null,
                new Dictionary<string, string> { ["trees"] = $"literal:{50 + n % 5 * 50}", ["learning_rate"] = $"literal:0.{1 + n % 9}", ["data"] = data },
                new Dictionary<string, string> { ["model"] = model }),
        ],
        [new RepoML.Core.Runs.AssetUse("data", "training", $"{1 + n % 7}", data)]);
}

string Deployment(int model, string reference) =>
    $"$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\nname: blue\nendpoint_name: ep-{model:D3}\n"
    + $"model: {reference}\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n";

void Commit(string reference, int? from, int? merge, string message, int i, IEnumerable<(string Path, string Content)> files)
{
    var author = authors[i % authors.Length];
    var when = start + i * 600L;
    Write($"commit {reference}\nmark :{++mark}\nauthor {author} <{author}@example.com> {when} +0000\ncommitter {author} <{author}@example.com> {when} +0000\n");
    Data(message);
    if (from is { } f)
    {
        Write($"from :{f}\n");
    }

    if (merge is { } m)
    {
        Write($"merge :{m}\n");
    }

    foreach (var (path, content) in files)
    {
        Write($"M 100644 inline {path}\n");
        Data(content);
    }
}

int? last = null;
for (var i = 1; i <= commits; i++)
{
    var files = new List<(string, string)> { ($"src/module{i % 50:D2}.cs", $"// revision {i}\n") };
    var message = $"Change module {i % 50} (#{i})";
    int? merge = null;
    if (i % every == 0 && registered < versions)
    {
        var record = Record(registered++);
        if (i % 200 == 0)
        {
            Commit("refs/heads/side", last, null, $"Register {record.Path.Split('/')[2]} on a branch", i, [record]);
            merge = mark;
            message = $"Merge branch 'side' (#{i})";
            files = [record];
        }
        else
        {
            files.Add(record);
            message = $"Register {record.Path.Split('/')[2]} (#{i})";
        }
    }

    if (i % 500 == 5)
    {
        var model = i / 500 % 20;
        files.Add(($"endpoints/ep-{model:D3}/blue.yml", Deployment(model, i % 1000 == 5 ? $"azureml:model-{model:D3}@latest" : $"azureml:model-{model:D3}:1")));
    }

    Commit("refs/heads/main", last, merge, message, i, files);
    last = mark;
}

output.Flush();
