using RepoML.Core.Serving;

namespace RepoML.Core.Tests.Serving;

public sealed class ServingSpecReaderTests
{
    [Fact]
    public void Should_read_traffic_mirror_limits_and_collections_from_Azure_ML_files()
    {
        var endpoint = SpecFileLoader.Load("endpoints/credit/endpoint.yml",
            FileText.Of(SampleSpecs.Endpoint(("blue", 90), ("green", 10)) + "\nmirror_traffic:\n  green: 20"));
        var deployment = SpecFileLoader.Load("endpoints/credit/blue.yml", FileText.Of("""
            $schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json
            name: blue
            endpoint_name: credit
            model: azureml:credit:3
            instance_type: Standard_DS3_v2
            request_settings:
              request_timeout_ms: 3000
              max_concurrent_requests_per_instance: 4
            data_collector:
              rolling_rate: day
              collections:
                model_inputs:
                  enabled: "true"
                model_outputs:
                  enabled: "false"
            """));

        var e = ServingSpecReader.ReadEndpoint(endpoint);
        var d = ServingSpecReader.ReadDeployment(deployment);

        Assert.True(e.RequiresKey);
        Assert.Equal(90, e.Traffic["blue"]);
        Assert.Equal(20, e.MirrorTraffic["green"]);
        Assert.Equal("azureml:credit:3", d.Model);
        Assert.False(d.ModelIsInlinePath);
        Assert.Equal(3000, d.RequestTimeoutMs);
        Assert.Equal(4, d.MaxConcurrentRequests);
        Assert.Equal(RollingRate.Day, d.DataCollection!.RollingRate);
        Assert.Equal(["model_inputs"], d.DataCollection.Collections);
    }
}
