#!/usr/bin/python3
"""Reference outputs of numpy's argpartition on tie-heavy float64 arrays, for
tests/core/test_numpy_select.cpp (stats::argPartition must match index for index).

    /usr/bin/python3 tests/tools/gen_argpartition_reference.py > tests/data/split/argpartition.json
"""
import json
import sys

import numpy as np


def main():
    rng = np.random.RandomState(20261126)
    cases = []
    for size in list(range(1, 40)) + [57, 100, 128, 255, 300, 1000]:
        for _ in range(3):
            values = rng.randint(0, max(2, size // 3), size=size).astype(float)
            if size > 4 and rng.rand() < 0.3:
                values[rng.choice(size, size // 5, replace=False)] = np.nan
            if rng.rand() < 0.3:
                values = np.sqrt(values)
            kth = int(rng.randint(0, size))
            order = np.argpartition(values, kth)
            cases.append({"values": [None if np.isnan(v) else float(v) for v in values], "kth": kth,
                          "order": [int(i) for i in order]})
    json.dump({"generator": "tests/tools/gen_argpartition_reference.py", "numpy": np.__version__,
               "cases": cases}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
