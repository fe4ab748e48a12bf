"""The ``factx`` command: schema, extract, evaluate, peers.

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
from pathlib import Path
from typing import IO

__all__ = ["main"]


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _cmd_schema(args: argparse.Namespace) -> int:
    from factx.records import Article, ErrorRecord

    schema = {"article": Article.model_json_schema(), "error": ErrorRecord.model_json_schema()}
    json.dump(schema if args.all else schema["article"], sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


def _cmd_extract(args: argparse.Namespace) -> int:
    from factx.api import extract
    from factx.io.readers import InputDoc, iter_inputs
    from factx.records import ErrorRecord

    out: IO[str]
    out_path = Path(args.output) if args.output and args.output != "-" else None
    tmp_path = out_path.with_name(out_path.name + ".part") if out_path else None
    out = tmp_path.open("w", encoding="utf-8") if tmp_path else sys.stdout
    errors_path = (
        out_path.with_name(out_path.stem + ".errors.jsonl")
        if out_path
        else Path("factx-errors.jsonl")
    )
    errors: list[ErrorRecord] = []
    counts: Counter[str] = Counter()
    articles = 0
    started = time.perf_counter()
    try:
        for item in iter_inputs(args.paths, include=args.include, exclude=args.exclude,
                                published=args.published):  # fmt: skip
            if isinstance(item, ErrorRecord):
                errors.append(item)
                continue
            assert isinstance(item, InputDoc)
            try:
                article = extract(item.text, published=item.published, doc_id=item.id or item.source,
                                  source=item.source)  # fmt: skip
            except Exception as error:  # one bad article never stops the batch
                errors.append(ErrorRecord(source=item.source, error="extract", message=repr(error)))
                continue
            if item.warnings:
                article = article.model_copy(
                    update={"warnings": [*item.warnings, *article.warnings]}
                )
            out.write(article.model_dump_json() + "\n")
            articles += 1
            counts.update(f.type for f in article.facts)
    finally:
        if tmp_path:
            out.close()
    if tmp_path and out_path:
        tmp_path.replace(out_path)
    if errors:
        with errors_path.open("w", encoding="utf-8") as handle:
            for record in errors:
                handle.write(record.model_dump_json() + "\n")
    elapsed = time.perf_counter() - started
    if not args.quiet:
        facts = ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none"
        rate = articles / elapsed if elapsed else 0.0
        print(
            f"factx: {articles} articles, {len(errors)} errors"
            f"{f' (see {errors_path})' if errors else ''}; facts: {facts}; "
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
    parser = argparse.ArgumentParser(prog="factx", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    schema = sub.add_parser("schema", help="print the JSON Schema of the output records")
    schema.add_argument("--all", action="store_true", help="also the error record's schema")
    schema.set_defaults(func=_cmd_schema)

    extract = sub.add_parser("extract", help="extract facts from files and folders")
    extract.add_argument("paths", nargs="+", help="files or folders (walked for .txt and .md)")
    extract.add_argument("-o", "--output", help="output JSON lines file (default: stdout)")
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
