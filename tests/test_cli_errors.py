"""Errors a person can act on: found before any work, one line each, the right exit status."""

from __future__ import annotations

import errno
import json
from pathlib import Path
from typing import Any

import pytest

from factx.cli import main

ARTICLE = "Exports rose 5 percent to $3 million in March 2023, said Wang Wentao of MOFCOM.\n"


@pytest.fixture
def news(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    root.mkdir()
    for i in range(4):
        (root / f"a{i}.txt").write_text(ARTICLE.replace("5", str(i + 5)), encoding="utf-8")
    (root / "bad.json").write_text("{not json", encoding="utf-8")
    return root


@pytest.mark.parametrize(
    "extra",
    [
        ["--jobs", "0"],
        ["--jobs", "-1"],
        ["-o", "OUT/facts.xlsx"],
        ["-o", "OUT/facts.csv", "--keep-text"],
        ["-o", "OUT/facts.parquet", "--keep-text"],
        ["--resume"],
    ],
)
def test_usage_errors(
    news: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str]
) -> None:
    extra = [e.replace("OUT", str(tmp_path)) for e in extra]
    assert main(["extract", str(news), "-q", *extra]) == 2
    err = capsys.readouterr().err
    assert err.startswith("factx: ") and len(err.strip().splitlines()) == 1
    assert not list(tmp_path.glob("facts.*"))


def test_a_missing_input_is_a_usage_error_naming_it(
    news: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["extract", str(news), str(tmp_path / "typo"), "-q"]) == 2
    assert str(tmp_path / "typo") in capsys.readouterr().err
    assert not (tmp_path / "factx-errors.jsonl").exists()


def test_an_input_set_without_articles_warns_and_fails_under_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a.pdf", "b.docx", "c.csv"):
        (docs / name).write_bytes(b"x")
    out = str(tmp_path / "o.jsonl")
    assert main(["extract", str(docs), "-o", out, "-q"]) == 0
    assert "no article" in capsys.readouterr().err
    assert main(["extract", str(docs), "-o", out, "-q", "--strict"]) == 3


def test_an_invalid_manifest_date_is_a_warning(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (docs / "manifest.jsonl").write_text(
        json.dumps({"file": "a.txt", "published": "2023-02-30"}) + "\n", encoding="utf-8"
    )
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(docs), "-o", str(out), "-q"]) == 0
    warnings = json.loads(out.read_text(encoding="utf-8"))["warnings"]
    assert any("2023-02-30" in w for w in warnings), warnings


def test_output_folder_is_refused_before_any_work(
    news: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import factx.batch

    def never(args: Any) -> Any:
        raise AssertionError("extraction started")

    monkeypatch.setattr(factx.batch, "_extract_doc", never)
    assert main(["extract", str(news), "-o", str(tmp_path), "-q"]) == 1
    assert "folder" in capsys.readouterr().err
    errors = tmp_path / "nowhere" / "e.jsonl"
    out = str(tmp_path / "o.jsonl")
    assert main(["extract", str(news), "-o", out, "--errors", str(errors), "-q"]) == 1
    err = capsys.readouterr().err
    assert "cannot write" in err and len(err.strip().splitlines()) == 1


def test_a_full_disk_is_one_line_and_resumable(
    news: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from factx.io.store import PartialOutput

    clean = tmp_path / "clean.jsonl"
    assert main(["extract", str(news), "-o", str(clean), "-q"]) == 0
    real = PartialOutput.add
    calls = {"n": 0}

    def full(self: PartialOutput, article: Any) -> None:
        calls["n"] += 1
        if calls["n"] > 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(self, article)

    monkeypatch.setattr(PartialOutput, "add", full)
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(news), "-o", str(out), "-q"]) == 1
    err = capsys.readouterr().err
    assert "cannot write output" in err and "--resume" in err
    assert len(err.strip().splitlines()) == 1
    monkeypatch.setattr(PartialOutput, "add", real)
    assert main(["extract", str(news), "-o", str(out), "-q", "--resume"]) == 0
    assert out.read_bytes() == clean.read_bytes()
