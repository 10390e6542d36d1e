"""Peer for the benchmark: what an analyst would write with pandas — read_csv, then a groupby: per target
department, the mean of each criterion and the weighted score. Prints one JSON line with the departments
found and the process's peak memory.

    python3 bench/peers/pandas_score.py FILE.csv CRITERIA WEIGHTS     (CRITERIA, WEIGHTS: comma-separated)
"""
import json
import resource
import sys

import pandas as pd

path, criteria_arg, weights_arg = sys.argv[1:4]
criteria = criteria_arg.split(",")
weights = pd.Series([float(w) for w in weights_arg.split(",")], index=criteria)

data = pd.read_csv(path, na_values=["N/A"], dtype={c: "float64" for c in criteria})
means = data.groupby("target_department")[criteria].mean()
answered = means.notna().mul(weights, axis=1).sum(axis=1)
score = means.fillna(0).mul(weights, axis=1).sum(axis=1) / answered
result = means.assign(score=score).sort_values("score", ascending=False)

max_rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"departments": len(result), "maxRssKb": max_rss_kb}))
