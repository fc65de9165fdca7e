namespace RepoML.Serving.Tests.Conformance;

public sealed class TensorProtoReaderTests
{
    [Fact]
    public void Should_read_dims_type_name_and_packed_floats()
    {
        // Given dims [2] (packed), data_type FLOAT, float_data [1.5, -2] (packed), name "x"
        byte[] bytes = [0x0A, 0x01, 0x02, 0x10, 0x01, 0x22, 0x08, 0, 0, 0xC0, 0x3F, 0, 0, 0, 0xC0, 0x42, 0x01, (byte)'x'];

        // When
        var tensor = TensorProtoReader.Read(bytes);

        // Then
        Assert.Equal("x", tensor.Name);
        Assert.Equal(TensorDataType.Fp32, tensor.DataType);
        Assert.Equal([2L], tensor.Dims);
        Assert.Equal([1.5f, -2f], (float[])tensor.Data);
    }

    [Fact]
    public void Should_read_raw_data_and_unpacked_dims()
    {
        // dims 1 and 2 unpacked, data_type INT64, raw_data two little-endian int64 (7, -1)
        byte[] raw = [7, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];
        byte[] bytes = [0x08, 0x01, 0x08, 0x02, 0x10, 0x07, 0x4A, 0x10, .. raw];

        var tensor = TensorProtoReader.Read(bytes);

        Assert.Equal([1L, 2L], tensor.Dims);
        Assert.Equal([7L, -1L], (long[])tensor.Data);
    }

    [Fact]
    public void Should_read_negative_int32_data_and_strings()
    {
        // data_type INT32 with int32_data [-3] (a 10-byte varint), then a BYTES tensor with string_data ["ab"]
        byte[] ints = [0x10, 0x06, 0x28, 0xFD, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01];
        byte[] strings = [0x08, 0x01, 0x10, 0x08, 0x32, 0x02, (byte)'a', (byte)'b'];

        Assert.Equal([-3], (int[])TensorProtoReader.Read(ints).Data);
        Assert.Equal(["ab"], (string[])TensorProtoReader.Read(strings).Data);
    }

    [Fact]
    public void Should_refuse_complex_tensors()
    {
        Assert.Throws<NotSupportedException>(() => TensorProtoReader.Read([0x10, 0x0E]));
    }
}
