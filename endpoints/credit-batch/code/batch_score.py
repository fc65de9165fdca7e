"""Azure ML batch scoring script for this batch endpoint's model (the deployment.yml beside code/).

Azure ML calls init() once per worker and run(mini_batch) with a list of CSV file paths; the
returned rows are appended to predictions.csv (output_action: append_row). RepoML scores batch
jobs with its own ONNX Runtime scorer and does not use this file.

The model is the ONNX export of `repoml train`: one input per feature column, named after it,
each shaped [N, 1]; numeric columns are float32 and categorical ones are strings.
"""
import glob
import os

import numpy as np
import onnxruntime as ort
import pandas as pd

session = None


def init():
    global session
    model_dir = os.environ["AZUREML_MODEL_DIR"]
    paths = glob.glob(os.path.join(model_dir, "**", "model.onnx"), recursive=True)
    if not paths:
        raise FileNotFoundError(f"no model.onnx under {model_dir}")
    session = ort.InferenceSession(paths[0], providers=["CPUExecutionProvider"])


def _feeds(frame):
    feeds = {}
    for model_input in session.get_inputs():
        is_text = model_input.type == "tensor(string)"
        if model_input.name in frame:
            column = frame[model_input.name]
        else:
            # ML.NET exports can keep the label as a graph input; scoring files do not carry it.
            column = pd.Series([""] * len(frame) if is_text else [0.0] * len(frame))
        if is_text:
            values = column.astype(str).to_numpy(dtype=object)
        else:
            values = column.to_numpy(dtype=np.float32)
        feeds[model_input.name] = values.reshape(-1, 1)
    return feeds


def run(mini_batch):
    results = []
    names = [o.name for o in session.get_outputs()]
    for path in mini_batch:
        frame = pd.read_csv(path)
        outputs = dict(zip(names, session.run(names, _feeds(frame))))
        scored = pd.DataFrame({"file": os.path.basename(path), "row": range(len(frame))})
        for name, values in outputs.items():
            values = np.asarray(values)
            if values.ndim == 2 and values.shape[1] == 1:
                values = values[:, 0]
            if values.ndim == 1:
                scored[name.split(".")[0]] = values
        results.append(scored)
    return pd.concat(results, ignore_index=True) if results else pd.DataFrame()
