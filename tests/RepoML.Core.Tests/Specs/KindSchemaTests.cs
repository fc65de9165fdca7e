namespace RepoML.Core.Tests.Specs;

/// <summary>Details of the kind schemas: what each requires, the defaults they document, and the <c>$schema</c> field.</summary>
public sealed class KindSchemaTests
{
    public static TheoryData<SpecKind, string[]> RequiredFields { get; } = new()
    {
        { SpecKind.Model, ["name", "path"] },
        { SpecKind.Environment, ["name"] },
        { SpecKind.Data, ["name", "path"] },
        { SpecKind.ManagedOnlineEndpoint, ["name"] },
        { SpecKind.KubernetesOnlineEndpoint, ["name"] },
        { SpecKind.ManagedOnlineDeployment, ["name", "endpoint_name", "instance_type"] },
        { SpecKind.KubernetesOnlineDeployment, ["name", "endpoint_name"] },
        { SpecKind.BatchEndpoint, ["name"] },
        { SpecKind.BatchDeployment, ["name", "endpoint_name"] },
        { SpecKind.CommandComponent, ["name", "command", "environment"] },
        { SpecKind.CommandJob, ["command", "environment"] },
        { SpecKind.PipelineJob, [] },
    };

    public static TheoryData<SpecKind, string, string> Defaults { get; } = new()
    {
        { SpecKind.ManagedOnlineEndpoint, "auth_mode", "key" },
        { SpecKind.ManagedOnlineEndpoint, "public_network_access", "enabled" },
        { SpecKind.BatchEndpoint, "auth_mode", "aad_token" },
        { SpecKind.ManagedOnlineDeployment, "instance_count", "1" },
        { SpecKind.ManagedOnlineDeployment, "app_insights_enabled", "false" },
        { SpecKind.ManagedOnlineDeployment, "egress_public_network_access", "enabled" },
        { SpecKind.ManagedOnlineDeployment, "request_settings.request_timeout_ms", "5000" },
        { SpecKind.ManagedOnlineDeployment, "request_settings.max_concurrent_requests_per_instance", "1" },
        { SpecKind.ManagedOnlineDeployment, "liveness_probe.failure_threshold", "30" },
        { SpecKind.ManagedOnlineDeployment, "readiness_probe.failure_threshold", "3" },
        { SpecKind.ManagedOnlineDeployment, "liveness_probe.initial_delay", "10" },
        { SpecKind.BatchDeployment, "mini_batch_size", "10" },
        { SpecKind.BatchDeployment, "output_action", "append_row" },
        { SpecKind.BatchDeployment, "output_file_name", "predictions.csv" },
        { SpecKind.BatchDeployment, "settings.error_threshold", "-1" },
        { SpecKind.BatchDeployment, "retry_settings.max_retries", "3" },
        { SpecKind.Data, "type", "uri_folder" },
        { SpecKind.Model, "type", "custom_model" },
        { SpecKind.Environment, "os_type", "linux" },
        { SpecKind.CommandComponent, "is_deterministic", "true" },
    };

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void Should_RequireExactlyAzureMlsRequiredFields_When_DescribingAKind(SpecKind kind, string[] expected)
    {
        // Given the schema of a kind
        var schema = SpecKindCatalog.SchemaOf(kind);

        // When its required fields are listed
        var required = schema.Fields.Where(f => f.Required).Select(f => f.Name).Order(StringComparer.Ordinal);

        // Then they are the ones Azure ML requires
        Assert.Equal(expected.Order(StringComparer.Ordinal), required);
    }

    [Theory]
    [MemberData(nameof(Defaults))]
    public void Should_DocumentAzureMlsDefault_When_AFieldHasOne(SpecKind kind, string path, string expected)
    {
        // Given the schema of a kind
        var schema = SpecKindCatalog.SchemaOf(kind);

        // When the field at the dotted path is looked up
        var field = FieldAt(schema, path);

        // Then it documents Azure ML's default
        Assert.Equal(expected, field.Default);
    }

    [Fact]
    public void Should_AllowTheSchemaAddress_When_AnyKindIsTheDocumentRoot()
    {
        // Given every supported kind
        foreach (var kind in Enum.GetValues<SpecKind>())
        {
            // When its root schema is asked for $schema
            var field = SpecKindCatalog.SchemaOf(kind).Field("$schema");

            // Then the field is there, as an optional string
            Assert.NotNull(field);
            Assert.IsType<StringSchema>(field.Schema);
            Assert.False(field.Required);
        }
    }

    [Fact]
    public void Should_LeaveEndpointAndDeploymentNamesToCliFlags_When_TheyAreRequired()
    {
        // Given the deployment kinds
        SpecKind[] kinds = [SpecKind.ManagedOnlineDeployment, SpecKind.KubernetesOnlineDeployment, SpecKind.BatchDeployment];

        // When their endpoint_name field is looked up
        var flags = kinds.Select(k => SpecKindCatalog.SchemaOf(k).Field("endpoint_name")!.CliFlag);

        // Then each names the az ml flag that can supply it
        Assert.All(flags, flag => Assert.Equal("--endpoint-name", flag));
    }

    private static FieldSchema FieldAt(ObjectSchema schema, string path)
    {
        var names = path.Split('.');
        var current = schema;
        for (var i = 0; ; i++)
        {
            var field = current.Field(names[i]);
            Assert.True(field is not null, $"{current.Name} has no field '{names[i]}'");
            if (i == names.Length - 1)
            {
                return field;
            }

            current = Assert.IsType<ObjectSchema>(field.Schema);
        }
    }
}
