"""The pass rates the project promises on the peer suites (issues: amounts and dates).

Rates are regression guards, not timings: they only fall if a finder gets worse. Skipped where
the shared folder is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factx.peers import run_file

TARGETS = {
    "recognizers-text-currency.jsonl": 0.90,
    "duckling-money.jsonl": 0.90,
    "recognizers-text-percentage.jsonl": 0.90,
    "recognizers-text-dimension.jsonl": 0.85,
    "duckling-quantity.jsonl": 0.85,
    "quantulum3-quantity.jsonl": 0.85,
    "recognizers-text-date.jsonl": 0.85,
    "recognizers-text-daterange.jsonl": 0.85,
    "dateparser-date.jsonl": 0.85,
    "duckling-datetime.jsonl": 0.75,
}


@pytest.mark.parametrize(("name", "target"), sorted(TARGETS.items()))
def test_peer_suite_target(shared: Path, name: str, target: float) -> None:
    report = run_file(shared / "peer-suites" / name)
    assert report is not None
    assert report.rate is not None
    assert report.rate >= target, f"{name}: {report.rate:.3f} < {target}"
