namespace RepoML.Core.Scoring;

/// <summary>Element type of a model input or output tensor, independent of the runtime that scores it.</summary>
public enum TensorElementKind
{
    Float,
    Double,
    Int32,
    Int64,
    UInt32,
    Bool,
    String,

    /// <summary>Any other element type, or a non-tensor value (sequence, map): listed but not scorable from table columns.</summary>
    Other,
}
