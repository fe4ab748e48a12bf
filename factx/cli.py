"""The ``factx`` command: schema, extract, evaluate, show, report.

Exit status: 0 when every input was processed or reported as an error record; 1 when the run
itself failed (unwritable output); 2 for usage errors (bad arguments, a missing input); 3 with
``--strict`` when any input failed or the inputs gave no article; 130 when interrupted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

__all__ = ["main"]


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _country(value: str) -> str:
    from factx._extensions import check_country

    try:
        code = check_country(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error).removeprefix("factx: ")) from None
    if code is None:
        raise argparse.ArgumentTypeError("an empty country; leave --country out instead")
    return code


def _cmd_schema(args: argparse.Namespace) -> int:
    from factx.records import json_schema

    json.dump(json_schema(errors=args.all), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


def _usage_problem(args: argparse.Namespace, fmt: str) -> str | None:
    """What makes the command line unusable, found before any work (exit status 2)."""
    if args.jobs < 1:
        return f"--jobs must be 1 or more, not {args.jobs}"
    if args.keep_text and fmt != "jsonl":
        return "--keep-text needs JSON lines output (-o OUT.jsonl); CSV and Parquet hold facts only"
    if fmt == "parquet" and not _output_file(args):
        return "Parquet output needs a file: -o out.parquet"
    if args.resume and not _output_file(args):
        return "--resume needs an output file (-o OUT)"
    missing = [p for p in args.paths if p != "-" and not Path(p).exists()]
    if missing:
        return "no such file or folder: " + ", ".join(missing)
    return None


def _output_file(args: argparse.Namespace) -> Path | None:
    return Path(args.output) if args.output and args.output != "-" else None


def _cmd_extract(args: argparse.Namespace) -> int:
    from factx.io.store import OutputError, PartialOutput, check_writable
    from factx.io.writers import format_for, output_format

    try:
        name = format_for(args.output, args.format)
    except ValueError as error:
        print(f"factx: {error}", file=sys.stderr)
        return 2
    problem = _usage_problem(args, name)
    if problem:
        print(f"factx: {problem}", file=sys.stderr)
        return 2
    try:
        fmt = output_format(name)
    except RuntimeError as error:
        print(f"factx: {error}", file=sys.stderr)
        return 1
    out_path = _output_file(args)
    store = PartialOutput(out_path, fmt) if out_path else None
    errors_path = (
        Path(args.errors)
        if args.errors
        else (out_path.with_name(out_path.stem + ".errors.jsonl") if out_path else None)
    )
    try:
        if store is not None:
            store.check()
        if errors_path is not None:
            check_writable(errors_path)
        if store is not None:
            store.open(args.resume)
        if errors_path is not None:
            errors_path.unlink(missing_ok=True)  # every run writes the error records it found
    except OutputError as error:
        print(f"factx: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"factx: cannot write output: {error}", file=sys.stderr)
        return 1
    from factx.run import Run

    run = Run(args, fmt, store, errors_path)
    try:
        run.execute()
    except KeyboardInterrupt:
        run.abandon()
        again = " (run the same command with --resume to continue)" if store else ""
        print(f"factx: interrupted after {run.articles} articles{again}", file=sys.stderr)
        return 130
    except (OSError, OutputError) as error:
        run.abandon()
        where = f"; {store.part} holds the work done, --resume continues it" if store else ""
        print(f"factx: cannot write output: {error}{where}", file=sys.stderr)
        return 1
    if not args.quiet:
        print(run.summary(), file=sys.stderr)
    if run.articles + run.skipped == 0:
        print(
            "factx: warning: the inputs gave no article (factx reads .txt .md .html .htm .json "
            ".jsonl files; --include GLOB reads others)",
            file=sys.stderr,
        )
        if args.strict:
            return 3
    return 3 if (args.strict and run.errors) else 0


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
    extract.add_argument(
        "--errors", help="error records file (default: OUT.errors.jsonl; without -o: stderr)"
    )
    extract.add_argument(
        "--jobs", type=int, default=1, help="worker processes (output order stays input order)"
    )
    extract.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted or finished run: reuse OUT's articles for inputs whose "
        "path and content are unchanged, extract the rest",
    )
    extract.add_argument(
        "--keep-text", action="store_true", help="add the text factx read to each article"
    )
    extract.add_argument("--published", type=_date, help="publication date for inputs without one")
    extract.add_argument(
        "--reading",
        choices=["news", "calendar"],
        help="year-less and relative dates: news looks back from the publication date "
        "(the default), calendar reads them as their next occurrence",
    )
    extract.add_argument(
        "--country",
        type=_country,
        help="ISO alpha-2 country of the source (GB, AU, US, ...): its bare '$', 'tons' and "
        "day-first numeric dates",
    )
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
