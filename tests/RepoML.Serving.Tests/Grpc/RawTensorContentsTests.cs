using RepoML.Onnx;
using RepoML.Serving.Grpc;
using RepoML.Serving.Scoring;

namespace RepoML.Serving.Tests.Grpc;

/// <summary>Raw BYTES contents: a shape's element count is the caller's word, checked against the bytes before anything is allocated.</summary>
public sealed class RawTensorContentsTests
{
    [Theory]
    [InlineData(int.MaxValue - 56, 0)]
    [InlineData(3, 11)]
    public void Should_refuse_before_allocating_When_the_shape_gives_more_bytes_elements_than_the_bytes_can_hold(int count, int length)
    {
        var error = Assert.Throws<RequestShapeException>(() => RawTensorContents.Read(new byte[length], TensorDataType.Bytes, count, "raw_input_contents[0]"));

        Assert.Contains($"too few for the {count} BYTES elements", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_read_each_element_When_the_bytes_hold_them()
    {
        byte[] bytes = [2, 0, 0, 0, (byte)'h', (byte)'i', 0, 0, 0, 0];

        var values = Assert.IsType<string[]>(RawTensorContents.Read(bytes, TensorDataType.Bytes, 2, "raw_input_contents[0]"));

        Assert.Equal(["hi", ""], values);
    }
}
