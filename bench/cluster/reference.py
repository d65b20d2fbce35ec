"""Reference side of bench/cluster: scikit-learn PCA + KMeans and umap-learn UMAP on the
same feature matrix our code used (float32 rows written by run.ts). Prints one JSON line.

usage: python3 reference.py MATRIX.f32 ROWS COLS COMPONENTS K SEED
"""
import json
import sys
import time

import numpy as np


def main():
    path, rows, cols, components, k, seed = sys.argv[1:7]
    rows, cols, components, k, seed = int(rows), int(cols), int(components), int(k), int(seed)
    x = np.fromfile(path, dtype=np.float32).reshape(rows, cols)
    from sklearn.cluster import KMeans
    from sklearn.decomposition import PCA

    out = {}
    t = time.perf_counter()
    reduced = PCA(n_components=components, svd_solver="randomized", random_state=seed).fit_transform(x)
    out["pca"] = time.perf_counter() - t
    try:
        import umap  # noqa: F401  (umap-learn, Debian package)

        t = time.perf_counter()
        # numba compiles on first use: a warm-up on a small slice keeps that out of the timing.
        umap.UMAP(n_neighbors=15, min_dist=0.1, random_state=seed).fit_transform(reduced[:300])
        out["umapWarmup"] = time.perf_counter() - t
        t = time.perf_counter()
        embedding = umap.UMAP(n_neighbors=15, min_dist=0.1, random_state=seed).fit_transform(reduced)
        out["umap"] = time.perf_counter() - t
    except ImportError:
        embedding = reduced[:, :2]
        out["umap"] = None
    t = time.perf_counter()
    labels = KMeans(n_clusters=k, n_init=4, random_state=seed).fit_predict(embedding)
    out["kmeans"] = time.perf_counter() - t
    out["labels"] = labels.tolist()
    print(json.dumps(out))


main()
