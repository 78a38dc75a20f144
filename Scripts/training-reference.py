#!/usr/bin/env python3
"""Reference values for the training report's agreement statistics (issue 23).

Writes Tests/StaircaseCoreTests/Fixtures/training-agreement-reference.json: seeded rooms
(units x raters on the 1-4 scale, null where a rater gave no value), with and without skipped
rows and cases, and for each the figures computed by the published implementations:

- Fleiss's kappa: statsmodels.stats.inter_rater.fleiss_kappa (method="fleiss") over the
  complete units only (every rater gave a value), as Fleiss (1971) defines it.
- Krippendorff's alpha (ordinal): the `krippendorff` package, value_domain 1-4.
- % exact: share of agreeing pairs of values within units, computed here directly.

The Swift tests read the file, so `swift test` needs no Python. Re-run after changing a room:
    pip install statsmodels krippendorff
    Scripts/training-reference.py
"""
import json
import math
import os
import random

import krippendorff
import numpy as np
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

SCALE = [1, 2, 3, 4]


def room(seed, units, raters, skip=0.0, skip_rater_units=0.0):
    """A room drifting around a per-unit level; `skip` drops single values (skipped rows),
    `skip_rater_units` drops a rater from a unit entirely (a skipped case)."""
    g = random.Random(seed)
    out = []
    for _ in range(units):
        centre = g.choice(SCALE)
        row = []
        for _ in range(raters):
            v = min(4, max(1, centre + g.choice([-1, 0, 0, 0, 1])))
            if g.random() < skip or g.random() < skip_rater_units:
                v = None
            row.append(v)
        out.append(row)
    return out


def fleiss_complete(units):
    complete = [u for u in units if all(v is not None for v in u)]
    if not complete:
        return None, 0
    table, _ = aggregate_raters(np.array(complete), n_cat=None)
    # aggregate_raters drops unused categories; pad to the whole 1-4 scale (changes nothing).
    counts = [[sum(1 for v in u if v == c) for c in SCALE] for u in complete]
    k = fleiss_kappa(np.array(counts), method="fleiss")
    assert math.isclose(k, fleiss_kappa(table, method="fleiss"), abs_tol=1e-12) or math.isnan(k)
    return (None if math.isnan(k) else k), len(complete)


def alpha(units):
    data = np.array([[np.nan if u[r] is None else u[r] for u in units] for r in range(len(units[0]))], dtype=float)
    a = krippendorff.alpha(reliability_data=data, level_of_measurement="ordinal", value_domain=SCALE)
    return None if math.isnan(a) else a


def exact(units):
    agree = pairs = 0
    for u in units:
        v = [x for x in u if x is not None]
        for i in range(len(v)):
            for j in range(i + 1, len(v)):
                pairs += 1
                agree += v[i] == v[j]
    return agree / pairs if pairs else None


rooms = {
    "issue-23-tiny": [[2, 2, 3], [1, 1, 2], [2, None, 2]],
    "complete-3x5": room(1, 5, 3),
    "complete-6x12": room(2, 12, 6),
    "complete-20x40": room(3, 40, 20),
    "skipped-rows-5x20": room(4, 20, 5, skip=0.1),
    "skipped-rows-8x40": room(5, 40, 8, skip=0.05),
    "skipped-cases-6x12": room(6, 12, 6, skip_rater_units=0.15),
    "skipped-both-10x30": room(7, 30, 10, skip=0.05, skip_rater_units=0.1),
}
out = []
for name, units in rooms.items():
    k, used = fleiss_complete(units)
    out.append(
        {
            "name": name,
            "units": units,
            "fleissComplete": k,
            "fleissUnitsUsed": used,
            "alphaOrdinal": alpha(units),
            "exact": exact(units),
        }
    )
    print(f"{name}: fleiss {k} over {used}/{len(units)} units, alpha {out[-1]['alphaOrdinal']}, exact {out[-1]['exact']}")
path = os.path.join(os.path.dirname(__file__), "..", "Tests", "StaircaseCoreTests", "Fixtures", "training-agreement-reference.json")
with open(path, "w") as f:
    json.dump({"generator": "Scripts/training-reference.py", "rooms": out}, f, indent=1)
    f.write("\n")
