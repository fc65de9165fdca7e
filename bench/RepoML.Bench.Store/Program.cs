using System.Diagnostics;
using RepoML.Storage;

// put  <store-folder> <file|->   store a file (or stdin) and print its digest
// time <store-folder> <file>     store a file into a fresh store and print "seconds digest"
if (args.Length != 3 || args[0] is not ("put" or "time"))
{
    Console.Error.WriteLine("usage: RepoML.Bench.Store put|time <store-folder> <file|->");
    return 2;
}

var store = new LocalFolderArtifactStore(args[1]);
var stopwatch = Stopwatch.StartNew();
var digest = args[2] == "-"
    ? await store.PutStreamAsync(Console.OpenStandardInput())
    : await store.PutFileAsync(args[2]);
stopwatch.Stop();

Console.WriteLine(args[0] == "time" ? $"{stopwatch.Elapsed.TotalSeconds:F3} {digest}" : digest.ToString());
return 0;
