"""A user's script type-checks against factx (the ``py.typed`` marker): mypy sees the records'
real types, so ``MoneyFact.amount`` is a ``Decimal`` and misuse of it is an error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mypy")

USER_SCRIPT = """\
from decimal import Decimal

import factx

article = factx.extract("Exports rose to 1.98 trillion RMB in 2021.")
for fact in article.facts:
    if isinstance(fact, factx.MoneyFact) and fact.amount is not None:
        amount: Decimal = fact.amount
        print(amount + Decimal("1"), fact.currency)
"""

MISUSE = """\
import factx

for fact in factx.extract("x").facts:
    if isinstance(fact, factx.MoneyFact):
        wrong: str = fact.amount
"""


def _mypy(folder: Path, script: str) -> subprocess.CompletedProcess[str]:
    path = folder / "user_script.py"
    path.write_text(script, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", path.name],
        cwd=folder,  # outside the checkout: no project config, factx found as installed
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_user_script_type_checks(tmp_path: Path) -> None:
    result = _mypy(tmp_path, USER_SCRIPT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_misuse_is_caught(tmp_path: Path) -> None:
    result = _mypy(tmp_path, MISUSE)
    assert result.returncode == 1
    assert 'has type "Decimal | None", variable has type "str"' in result.stdout
    assert "py.typed" not in result.stdout
