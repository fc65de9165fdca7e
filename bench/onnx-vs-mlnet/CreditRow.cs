using Microsoft.ML.Data;

namespace RepoML.Bench.OnnxVsMlNet;

/// <summary>One row of data/credit/credit.csv (German credit): 13 categorical and 7 numeric features, the class label.</summary>
public sealed class CreditRow
{
    [LoadColumn(0)] public string checking_status { get; set; } = "";
    [LoadColumn(1)] public float duration { get; set; }
    [LoadColumn(2)] public string credit_history { get; set; } = "";
    [LoadColumn(3)] public string purpose { get; set; } = "";
    [LoadColumn(4)] public float credit_amount { get; set; }
    [LoadColumn(5)] public string savings_status { get; set; } = "";
    [LoadColumn(6)] public string employment { get; set; } = "";
    [LoadColumn(7)] public float installment_commitment { get; set; }
    [LoadColumn(8)] public string personal_status { get; set; } = "";
    [LoadColumn(9)] public string other_parties { get; set; } = "";
    [LoadColumn(10)] public float residence_since { get; set; }
    [LoadColumn(11)] public string property_magnitude { get; set; } = "";
    [LoadColumn(12)] public float age { get; set; }
    [LoadColumn(13)] public string other_payment_plans { get; set; } = "";
    [LoadColumn(14)] public string housing { get; set; } = "";
    [LoadColumn(15)] public float existing_credits { get; set; }
    [LoadColumn(16)] public string job { get; set; } = "";
    [LoadColumn(17)] public float num_dependents { get; set; }
    [LoadColumn(18)] public string own_telephone { get; set; } = "";
    [LoadColumn(19)] public string foreign_worker { get; set; } = "";
    [LoadColumn(20)] public string @class { get; set; } = "";
}
