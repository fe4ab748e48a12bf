"""The ``factx`` command: schema, extract, evaluate, show, report.

Exit status: 0 when every input was processed or reported as an error record; 1 when the run
itself failed (bad arguments, unwritable output); 2 for usage errors; 3 with ``--strict`` when
any input failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO

__all__ = ["main"]


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _cmd_schema(args: argparse.Namespace) -> int:
    from factx.records import json_schema

    json.dump(json_schema(errors=args.all), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


def _resume_keys(part: Path, ledger: Path, fmt: str) -> set[tuple[str, str]]:
    """Inputs already done: those in the partial output and those in the progress ledger.

    The output is cut back to its last complete line first, so a run killed mid-write leaves
    no half record behind.
    """
    done: set[tuple[str, str]] = set()
    if part.exists():
        data = part.read_bytes()
        cut = data.rfind(b"\n") + 1
        if cut != len(data):
            with part.open("r+b") as handle:
                handle.truncate(cut)
        text = data[:cut].decode("utf-8")
        if fmt == "jsonl":
            for line in text.splitlines():
                row = json.loads(line)
                done.add((row.get("source") or "", row.get("text_sha1") or ""))
        elif fmt == "csv":
            import csv
            import io

            for row in csv.DictReader(io.StringIO(text)):
                done.add((row.get("source") or "", row.get("text_sha1") or ""))
    if ledger.exists():
        for line in ledger.read_text(encoding="utf-8").splitlines():
            if line.strip():
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a line cut by the interruption
                done.add((row["source"], row["sha1"]))
    return done


def _cmd_extract(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from factx.batch import extract_docs
    from factx.io.readers import InputDoc, iter_inputs
    from factx.io.writers import format_for, open_writer
    from factx.records import Article, ErrorRecord

    try:
        fmt = format_for(args.output, args.format)
    except ValueError as error:
        print(f"factx: {error}", file=sys.stderr)
        return 2
    out_path = Path(args.output) if args.output and args.output != "-" else None
    if out_path is None and fmt == "parquet":
        print("factx: Parquet output needs a file: -o out.parquet", file=sys.stderr)
        return 2
    errors_path = (
        Path(args.errors)
        if args.errors
        else (
            out_path.with_name(out_path.stem + ".errors.jsonl")
            if out_path
            else Path("factx-errors.jsonl")
        )
    )
    part = out_path.with_name(out_path.name + ".part") if out_path else None
    ledger = out_path.with_name(out_path.name + ".progress") if out_path else None
    done: set[tuple[str, str]] = set()
    append = False
    if args.resume and out_path and part and ledger:
        if not part.exists() and out_path.exists():
            out_path.replace(part)  # a finished run grows: continue it
        if part.exists():
            done = _resume_keys(part, ledger, fmt)
            append = fmt != "parquet"
    try:
        if part is not None:
            handle: IO[str] | None = (
                None
                if fmt == "parquet"
                else part.open("a" if append else "w", encoding="utf-8", newline="")
            )
        else:
            handle = sys.stdout
        writer = open_writer(fmt, part, handle, append=append)
    except (OSError, ValueError, RuntimeError) as error:
        print(f"factx: cannot write output: {error}", file=sys.stderr)
        return 1
    ledger_handle = ledger.open("a" if append else "w", encoding="utf-8") if ledger else None
    errors_handle: IO[str] | None = None
    counts: Counter[str] = Counter()
    articles = errors = skipped = 0
    started = time.perf_counter()

    def pending() -> Iterator[InputDoc | ErrorRecord]:
        nonlocal skipped
        for item in iter_inputs(args.paths, include=args.include, exclude=args.exclude,
                                published=args.published):  # fmt: skip
            if isinstance(item, InputDoc) and (item.source, item.sha1) in done:
                skipped += 1
                continue
            yield item

    progress = tqdm(
        unit=" articles",
        disable=args.quiet or not sys.stderr.isatty(),
        file=sys.stderr,
        dynamic_ncols=True,
    )
    try:
        for record in extract_docs(pending(), jobs=args.jobs, keep_text=args.keep_text):
            if isinstance(record, ErrorRecord):
                errors += 1
                if errors_handle is None:
                    errors_handle = errors_path.open("a" if append else "w", encoding="utf-8")
                errors_handle.write(record.model_dump_json() + "\n")
                errors_handle.flush()
                key = {"source": record.source, "sha1": "", "status": "error"}
            else:
                assert isinstance(record, Article)
                writer.write(record)
                articles += 1
                counts.update(f.type for f in record.facts)
                key = {
                    "source": record.source or "",
                    "sha1": record.text_sha1 or "",
                    "status": "ok",
                }
            if ledger_handle:
                ledger_handle.write(json.dumps(key) + "\n")
                ledger_handle.flush()
            progress.update(1)
    finally:
        progress.close()
        writer.close()
        if handle is not None and handle is not sys.stdout:
            handle.close()
        if ledger_handle:
            ledger_handle.close()
        if errors_handle:
            errors_handle.close()
    if part and out_path:
        part.replace(out_path)
        if ledger:
            ledger.unlink(missing_ok=True)
    elapsed = time.perf_counter() - started
    if not args.quiet:
        facts = ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none"
        rate = articles / elapsed if elapsed else 0.0
        print(
            f"factx: {articles} articles, {errors} errors"
            f"{f' (see {errors_path})' if errors else ''}"
            f"{f', {skipped} already done' if skipped else ''}; facts: {facts}; "
            f"{elapsed:.1f} s, {rate:.1f} articles/s",
            file=sys.stderr,
        )
    return 3 if (args.strict and errors) else 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from factx.evaluate import evaluate, format_table

    scores, skipped = evaluate(args.gold)
    for line in skipped:
        print(f"skipped: {line}", file=sys.stderr)
    print(format_table(scores))
    if args.verbose:
        for kind, score in scores.items():
            for miss in score.misses:
                print(f"MISS {kind}: {miss}")
            for extra in score.spurious:
                print(f"SPURIOUS {kind}: {extra}")
    if args.json:
        Path(args.json).write_text(
            json.dumps({k: round(s.f1, 4) for k, s in scores.items()}, indent=2) + "\n",
            encoding="utf-8",
        )
    return 0


def build_parser() -> argparse.ArgumentParser:
    from factx._version import __version__
    from factx.view.commands import add_view_commands

    parser = argparse.ArgumentParser(prog="factx", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"factx {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    schema = sub.add_parser("schema", help="print the JSON Schema of the output records")
    schema.add_argument(
        "--all", action="store_true", help="any output line: an article or an error record"
    )
    schema.set_defaults(func=_cmd_schema)

    extract = sub.add_parser("extract", help="extract facts from files and folders")
    extract.add_argument(
        "paths",
        nargs="+",
        help="files or folders (walked for .txt .md .html .json .jsonl); - reads stdin",
    )
    extract.add_argument(
        "-o",
        "--output",
        help="output file; .csv and .parquet give one fact per row (default: JSON lines on stdout)",
    )
    extract.add_argument(
        "--format", choices=["jsonl", "csv", "parquet"], help="output format (default: from -o)"
    )
    extract.add_argument("--errors", help="error records file (default: OUT.errors.jsonl)")
    extract.add_argument(
        "--jobs", type=int, default=1, help="worker processes (output order stays input order)"
    )
    extract.add_argument(
        "--resume",
        action="store_true",
        help="skip inputs already in OUT (by path and content hash)",
    )
    extract.add_argument(
        "--keep-text", action="store_true", help="add the text factx read to each article"
    )
    extract.add_argument("--published", type=_date, help="publication date for inputs without one")
    extract.add_argument("--include", action="append", default=[], help="glob of files to read")
    extract.add_argument("--exclude", action="append", default=[], help="glob of files to skip")
    extract.add_argument("--strict", action="store_true", help="exit 3 if any input failed")
    extract.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    extract.set_defaults(func=_cmd_extract)

    evaluate = sub.add_parser("evaluate", help="score against expected-facts files")
    evaluate.add_argument("gold", nargs="+", help="expected-facts files or folders")
    evaluate.add_argument(
        "-v", "--verbose", action="store_true", help="list misses and spurious facts"
    )
    evaluate.add_argument("--json", help="write F1 per type to this file")
    evaluate.set_defaults(func=_cmd_evaluate)

    add_view_commands(sub, _date)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # "factx schema | head": the reader left, which is not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
