"""factx as a user installs it: wheels built from this checkout, installed in a fresh venv outside
it (dependencies from the configured package index), then used from another folder.

Slow (a venv and an install, about half a minute with a warm pip cache) but in the default suite:
``pytest -m "not slow"`` leaves it out.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import factx

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow

CHECK = """\
import json, spacy, factx
from spacy import displacy

by_name = spacy.load("factx_trade_en")
by_path = spacy.load(factx.model_path())
doc = by_name("Exports rose 15 percent to 1.98 trillion RMB in 2021 at Alashankou Port.")
html = displacy.render(doc, style="ent")
print(json.dumps({
    "factx": factx.__file__,
    "pipes": by_name.pipe_names,
    "same": by_path.pipe_names == by_name.pipe_names,
    "facts": [f.type for f in doc._.facts],
    "spans": [s.label_ for s in doc.spans["factx"]],
    "colours": "#a6e3a1" in html,
}))
"""


def _run(args: list[str], cwd: Path) -> str:
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the fresh venv's python, the folder of the two wheels)."""
    base = tmp_path_factory.mktemp("install")
    dist = base / "dist"
    _run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist), str(ROOT),
         str(ROOT / "pipelines" / "factx_trade_en")],
        cwd=base,
    )  # fmt: skip
    venv = base / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=base)
    python = venv / "bin" / "python"
    wheels = sorted(str(p) for p in dist.glob("*.whl"))
    _run([str(python), "-m", "pip", "install", "--quiet", *wheels], cwd=base)
    return python, dist


def test_spacy_loads_the_pipeline_by_name(installed: tuple[Path, Path], tmp_path: Path) -> None:
    import json

    python, _ = installed
    script = tmp_path / "check.py"
    script.write_text(CHECK, encoding="utf-8")
    found = json.loads(_run([str(python), str(script)], cwd=tmp_path))
    assert str(ROOT) not in found["factx"] and "site-packages" in found["factx"]
    assert found["pipes"][-1] == "factx_assemble" and found["same"]
    assert {"percentage", "money", "date", "port"} <= set(found["facts"])
    assert found["spans"] == found["facts"]
    assert found["colours"], "the spacy_displacy_colors entry point is not installed"


def test_wheel_carries_licences_types_and_the_pipeline(installed: tuple[Path, Path]) -> None:
    _, dist = installed
    [wheel] = dist.glob("factx-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    info = f"factx-{factx.__version__}.dist-info"
    assert {
        "factx/py.typed",
        "factx/_models/trade_en/meta.json",
        "factx/_models/trade_en/config.cfg",
        f"{info}/licenses/LICENSE",
        f"{info}/licenses/LICENSES/Apache-2.0.txt",
    } <= names
    # benchmark harnesses (the peer-suite runner among them) live in benchmarks/, not the wheel
    assert not any(n.startswith("benchmarks/") or n == "factx/peers.py" for n in names)


def test_pipeline_package_matches_factx() -> None:
    text = (ROOT / "pipelines" / "factx_trade_en" / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{factx.__version__}"' in text
    assert f'dependencies = ["factx=={factx.__version__}"]' in text
