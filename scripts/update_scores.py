"""Record the current evaluation scores in ``corpora/scores.json`` (the quality ratchet).

CI fails when a fact type's F1 falls below the recorded figure; raising the figures is a commit
of its own: ``python scripts/update_scores.py``. Scores are rounded down to 3 decimals so that
the same run always passes its own record.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from factx.evaluate import evaluate, micro

ROOT = Path(__file__).resolve().parent.parent
SETS = {"articles": ROOT / "corpora" / "articles", "real": ROOT / "corpora" / "real"}


def main() -> None:
    record: dict[str, dict[str, float]] = {}
    for name, folder in SETS.items():
        scores, skipped = evaluate([folder])
        if skipped:
            print(f"{name}: {len(skipped)} files skipped (shared folder absent?); not recorded")
            continue
        row = {kind: math.floor(score.f1 * 1000) / 1000 for kind, score in scores.items()}
        row["micro"] = math.floor(micro(scores).f1 * 1000) / 1000
        record[name] = row
        print(name, row)
    path = ROOT / "corpora" / "scores.json"
    path.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
