using BenchmarkDotNet.Running;
using RepoML.Bench.Validate;

// `dotnet run -c Release -- --quick` does one timed pass without BenchmarkDotNet, for a fast check.
if (args.Contains("--quick"))
{
    var bench = new ValidateBenchmark();
    bench.Setup();
    bench.LoadAndValidate1000Specs();
    var clock = System.Diagnostics.Stopwatch.StartNew();
    const int runs = 10;
    for (var i = 0; i < runs; i++)
    {
        bench.LoadAndValidate1000Specs();
    }

    var perRun = clock.Elapsed.TotalMilliseconds / runs;
    Console.WriteLine($"validate 1,000 spec files (warm): {perRun:F1} ms per run; budget 1000 ms; ratio {perRun / 1000:F3} of budget");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ValidateBenchmark).Assembly).Run(args);
