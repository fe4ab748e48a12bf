"""The declared version floors are the ones CI tests (.ci/lowest) and the pipeline's meta
admits every spaCy they admit, so loading it gives no W095 warning."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import spacy
from packaging.version import Version

from factx.pipeline import model_path

ROOT = Path(__file__).resolve().parent.parent


def _floors() -> dict[str, str]:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")  # tomllib is 3.11+
    return dict(re.findall(r'^  "([a-z-]+)>=([\d.]+)', text, flags=re.MULTILINE))


def _lowest() -> dict[str, str]:
    text = (ROOT / ".ci" / "lowest-constraints.txt").read_text(encoding="utf-8")
    pins = (line.split("==") for line in text.splitlines() if "==" in line)
    return {name.strip(): version.strip() for name, version in pins}


def test_ci_installs_the_declared_floors() -> None:
    floors = _floors()
    lowest = _lowest()
    assert set(lowest) == {"spacy", "pydantic"}
    for name, version in lowest.items():
        assert Version(floors[name]) == Version(version), name


def test_meta_admits_the_floor_and_loads_without_warning() -> None:
    meta = json.loads((ROOT / "models" / "trade_en" / "meta.json").read_text(encoding="utf-8"))
    assert meta["spacy_version"].startswith(f">={_floors()['spacy']},")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        spacy.load(model_path("trade_en"))
