namespace RepoML.Onnx;

/// <summary>Translates ONNX Runtime metadata into Core's runtime-neutral signature records.</summary>
internal static class OnnxTypes
{
    public static ModelTensor ToModelTensor(string name, NodeMetadata metadata) => new(
        name,
        metadata.IsTensor ? ToKind(metadata.ElementDataType) : TensorElementKind.Other,
        metadata.IsTensor ? [.. metadata.Dimensions.Select(d => (long)d)] : []);

    /// <summary>An input of a feature vector layout (float or string), or an output of a score tail (float or bool), as Core's signature record.</summary>
    public static ModelTensor ToModelTensor(OnnxTensorInfo info) => new(
        info.Name,
        info.DataType switch
        {
            TensorDataType.Fp32 => TensorElementKind.Float,
            TensorDataType.Bytes => TensorElementKind.String,
            TensorDataType.Bool => TensorElementKind.Bool,
            _ => TensorElementKind.Other,
        },
        info.Shape);

    public static TensorElementKind ToKind(TensorElementType type) => type switch
    {
        TensorElementType.Float => TensorElementKind.Float,
        TensorElementType.Double => TensorElementKind.Double,
        TensorElementType.Int32 => TensorElementKind.Int32,
        TensorElementType.Int64 => TensorElementKind.Int64,
        TensorElementType.UInt32 => TensorElementKind.UInt32,
        TensorElementType.Bool => TensorElementKind.Bool,
        TensorElementType.String => TensorElementKind.String,
        _ => TensorElementKind.Other,
    };
}
