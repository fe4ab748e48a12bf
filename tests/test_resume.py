"""Resume in every format: an interrupted or finished run, continued, equals a clean run.

Interruptions are simulated in process (``KeyboardInterrupt`` from the extraction of the n-th
article, or a part file cut at any byte); ``benchmarks/kill_resume.py`` does it with kill -9.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import factx.batch
from factx.cli import main

FORMATS = ["jsonl", "csv", "parquet"]


def _article(i: int) -> str:
    return (
        f"Exports of grain rose {i + 1} percent to {i + 2} million tonnes, worth about "
        f"{i + 3}.5 million US dollars, said Nurlan Sadykov, deputy chairman of KTZ, on June "
        f"{i % 27 + 1}, 2023. Imports fell {i + 4} percent. Sadykov said rail freight grew.\n"
    )


@pytest.fixture
def news(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    root.mkdir()
    for i in range(8):
        (root / f"a{i:02d}.txt").write_text(_article(i), encoding="utf-8")
    (root / "bad.json").write_text("{not json", encoding="utf-8")
    return root


def _run(news: Path, out: Path, *extra: str) -> int:
    return main(["extract", str(news), "-o", str(out), "-q", "--published", "2023-07-01", *extra])


def _interrupted(monkeypatch: pytest.MonkeyPatch, news: Path, out: Path, after: int) -> int:
    """A run stopped (as by Ctrl-C or a kill) while extracting article ``after + 1``."""
    real = factx.batch._extract_doc
    calls = {"n": 0}

    def flaky(args: Any) -> Any:
        calls["n"] += 1
        if calls["n"] > after:
            raise KeyboardInterrupt
        return real(args)

    monkeypatch.setattr(factx.batch, "_extract_doc", flaky)
    try:
        code = _run(news, out)
    except KeyboardInterrupt:
        code = 130
    monkeypatch.setattr(factx.batch, "_extract_doc", real)
    return code


def _content(path: Path, fmt: str) -> Any:
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return pq.read_table(path).to_pylist()
    return path.read_bytes()


def _clean(news: Path, tmp_path: Path, fmt: str) -> Any:
    out = tmp_path / f"clean.{fmt}"
    assert _run(news, out) == 0
    return _content(out, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_resume_of_a_finished_run_changes_nothing(news: Path, tmp_path: Path, fmt: str) -> None:
    clean = _clean(news, tmp_path, fmt)
    out = tmp_path / f"out.{fmt}"
    assert _run(news, out) == 0
    assert _run(news, out, "--resume") == 0
    assert _content(out, fmt) == clean
    assert not out.with_name(out.name + ".part").exists()


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("after", [0, 3])
def test_resume_of_an_interrupted_run_equals_a_clean_run(
    news: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, after: int
) -> None:
    clean = _clean(news, tmp_path, fmt)
    out = tmp_path / f"out.{fmt}"
    assert _interrupted(monkeypatch, news, out, after) == 130
    assert not out.exists()
    assert _run(news, out, "--resume") == 0
    assert _content(out, fmt) == clean


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_part_cut_at_any_byte_resumes_to_a_clean_run(
    news: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """kill -9 can land anywhere, also in the middle of an article's rows."""
    clean = _clean(news, tmp_path, fmt)
    out = tmp_path / f"out.{fmt}"
    assert _interrupted(monkeypatch, news, out, 5) == 130
    part = out.with_name(out.name + ".part")
    saved = part.read_bytes()
    ledger = out.with_name(out.name + ".progress")
    saved_ledger = ledger.read_bytes()
    for cut in sorted({1, len(saved) // 3, len(saved) // 2, len(saved) - 7, len(saved) - 1}):
        part.write_bytes(saved[:cut])
        ledger.write_bytes(saved_ledger)
        assert _run(news, out, "--resume") == 0, cut
        assert _content(out, fmt) == clean, cut
        out.unlink()


def test_csv_interrupted_inside_an_article_keeps_its_rows(
    news: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rows of one article written in part (several flushes) do not mark it done."""
    import factx.io.writers as writers

    clean = _clean(news, tmp_path, "csv")
    out = tmp_path / "out.csv"
    real = writers.fact_rows
    seen = {"articles": 0}

    def cut_rows(article: Any) -> Any:
        seen["articles"] += 1
        for number, row in enumerate(real(article)):
            if seen["articles"] == 3 and number == 2:
                raise KeyboardInterrupt
            yield row

    monkeypatch.setattr(writers, "fact_rows", cut_rows)
    try:
        code = _run(news, out)
    except KeyboardInterrupt:
        code = 130
    assert code == 130
    monkeypatch.setattr(writers, "fact_rows", real)
    assert _run(news, out, "--resume") == 0
    assert out.read_bytes() == clean


@pytest.mark.parametrize("fmt", FORMATS)
def test_resume_after_inputs_were_added_edited_and_removed(
    news: Path, tmp_path: Path, fmt: str
) -> None:
    """Resume means: the output a clean run on today's inputs would give, reusing the records
    of inputs whose path and content hash (and id and date) are unchanged."""
    out = tmp_path / f"out.{fmt}"
    assert _run(news, out) == 0
    (news / "a01.txt").write_text(_article(40), encoding="utf-8")  # edited
    (news / "a02.txt").unlink()  # removed
    (news / "a99.txt").write_text(_article(50), encoding="utf-8")  # added
    assert _run(news, out, "--resume") == 0
    assert _content(out, fmt) == _clean(news, tmp_path, fmt)


def test_resume_writes_each_error_record_once(news: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert _run(news, out) == 0
    for _ in range(2):
        assert _run(news, out, "--resume") == 0
    errors = (tmp_path / "out.errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(e)["source"] for e in errors] == [str(news / "bad.json") + ":1"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_outputs_inside_an_input_folder_are_not_read_back(
    news: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    clean = _clean(news, tmp_path, fmt)
    clean_errors = (tmp_path / "clean.errors.jsonl").read_text(encoding="utf-8")
    out = news / f"out.{fmt}"
    assert _interrupted(monkeypatch, news, out, 3) == 130  # leaves .part and .progress behind
    assert _run(news, out, "--resume", "--include", "*") == 0
    assert _run(news, out, "--include", "*") == 0
    assert _content(out, fmt) == clean
    assert (news / "out.errors.jsonl").read_text(encoding="utf-8") == clean_errors


def test_keep_text_output_inside_the_input_folder(news: Path, tmp_path: Path) -> None:
    out = news / "out.jsonl"
    assert _run(news, out, "--keep-text") == 0
    first = out.read_bytes()
    assert _run(news, out, "--keep-text") == 0
    assert out.read_bytes() == first
    assert len(first.splitlines()) == 8


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_resume_with_other_reading_options_redoes_the_articles(
    news: Path, tmp_path: Path, fmt: str
) -> None:
    """A resumed run with another --country or --reading must not reuse articles read the
    first way (the first run read "tons" and "$" without a hint)."""
    out = tmp_path / f"out.{fmt}"
    assert _run(news, out) == 0
    assert _run(news, out, "--resume", "--country", "AU") == 0
    fresh = tmp_path / f"fresh.{fmt}"
    assert _run(news, fresh, "--country", "AU") == 0
    assert out.read_bytes() == fresh.read_bytes()
