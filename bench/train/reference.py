"""Reference side of bench/train: scikit-learn LogisticRegression and RandomForestClassifier
on the feature matrices and the train/test split that run.ts wrote (Debian python3-sklearn,
bench only). Prints one JSON object: per model the wall and CPU seconds of every repeat, the
test predictions and scikit-learn's own macro-F1.

usage: /usr/bin/python3 reference.py CACHE_DIR

CACHE_DIR/meta.json names the matrices (float32, row-major), the labels (int32), the test
mask (uint8, 1 = test row) and the parameters: C, maxIter, trees, seed, repeats,
forestSeeds (the forests' macro-F1 is also reported for each of these seeds).
"""
import json
import os
import sys
import time

import numpy as np


def timed(fit, repeats):
    """Runs fit() `repeats` times; returns the last model and every run's wall and CPU time."""
    wall, cpu = [], []
    model = None
    for _ in range(repeats):
        w, c = time.perf_counter(), time.process_time()
        model = fit()
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return model, wall, cpu


def main():
    cache = sys.argv[1]
    with open(os.path.join(cache, "meta.json")) as f:
        meta = json.load(f)
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    rows = meta["rows"]
    labels = np.fromfile(os.path.join(cache, meta["labels"]), dtype=np.int32)
    test = np.fromfile(os.path.join(cache, meta["test"]), dtype=np.uint8).astype(bool)
    repeats = meta["repeats"]
    out = {"threads": os.environ.get("OPENBLAS_NUM_THREADS", "default")}
    for run in meta["runs"]:
        matrix = meta["matrices"][run["matrix"]]
        x = np.fromfile(os.path.join(cache, matrix["file"]), dtype=np.float32)
        x = x.reshape(rows, matrix["cols"])
        x_train, y_train, x_test, y_test = x[~test], labels[~test], x[test], labels[test]
        if run["model"] == "softmax":
            # Standardized like ours (our graphs standardize inside the model); the scaler's
            # fit is part of the timed training, as ours is.
            def fit():
                return make_pipeline(
                    StandardScaler(),
                    LogisticRegression(
                        C=meta["C"],
                        solver="lbfgs",
                        multi_class="multinomial",
                        max_iter=meta["maxIter"],
                    ),
                ).fit(x_train, y_train)

            model, wall, cpu = timed(fit, repeats)
            # The objective divided by C n, as run.ts computes ours: mean cross-entropy on
            # the training rows plus ||W||^2 / (2 C n).
            probabilities = model.predict_proba(x_train)
            picked = probabilities[np.arange(len(y_train)), np.searchsorted(model.classes_, y_train)]
            weights = model[-1].coef_
            objective = -np.mean(np.log(np.maximum(picked, 1e-30))) + np.sum(weights**2) / (
                2 * meta["C"] * len(y_train)
            )
            extra = {"iterations": int(model[-1].n_iter_[0]), "objective": float(objective)}
        else:
            def fit():
                return RandomForestClassifier(
                    n_estimators=meta["trees"],
                    max_features="sqrt",
                    n_jobs=2,
                    random_state=meta["seed"],
                ).fit(x_train, y_train)

            model, wall, cpu = timed(fit, repeats)
            extra = {"nodes": int(sum(t.tree_.node_count for t in model.estimators_))}
            # One split's macro-F1 moves by points from forest seed to forest seed: report
            # it over several seeds as well (untimed).
            extra["seedF1"] = [
                f1_score(
                    y_test,
                    RandomForestClassifier(
                        n_estimators=meta["trees"], max_features="sqrt", n_jobs=2, random_state=s
                    )
                    .fit(x_train, y_train)
                    .predict(x_test),
                    average="macro",
                )
                for s in meta["forestSeeds"]
            ]
        predicted = model.predict(x_test)
        out[run["name"]] = {
            "wall": wall,
            "cpu": cpu,
            "predictions": predicted.tolist(),
            "macroF1": f1_score(y_test, predicted, average="macro"),
            **extra,
        }
    print(json.dumps(out))


main()
