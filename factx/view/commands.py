"""``factx show`` and ``factx report``: the pages of :mod:`factx.view` from the command line.

They live here, beside the pages, so the command's own module only adds them to its parser.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["add_view_commands"]


def _write_page(html: str, output: str | None) -> int:
    if output in (None, "-"):
        sys.stdout.write(html)
        return 0
    try:
        Path(output).write_text(html, encoding="utf-8")
    except OSError as error:
        print(f"factx: cannot write {output}: {error}", file=sys.stderr)
        return 1
    print(f"factx: wrote {output}", file=sys.stderr)
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    from factx.api import extract
    from factx.io.readers import InputDoc, iter_inputs
    from factx.view import render

    docs = list(iter_inputs([args.article], published=args.published))
    if len(docs) != 1:
        print(f"factx: show takes one article; {args.article} holds {len(docs)}", file=sys.stderr)
        return 2
    [doc] = docs
    if not isinstance(doc, InputDoc):
        print(f"factx: cannot read {doc.source}: {doc.error}: {doc.message}", file=sys.stderr)
        return 1
    article = extract(doc.text, published=doc.published, doc_id=doc.id, source=doc.source,
                      keep_text=True)  # fmt: skip
    return _write_page(render(article), args.output)


def _cmd_report(args: argparse.Namespace) -> int:
    from factx.view import render_report

    try:
        html = render_report(args.results)
    except (OSError, ValueError) as error:
        print(f"factx: {error}", file=sys.stderr)
        return 1
    return _write_page(html, args.output)


def add_view_commands(sub: Any, date: Callable[[str], dt.date]) -> None:
    """Add ``show`` and ``report`` to the ``factx`` subcommands (``date`` parses --published)."""
    show = sub.add_parser("show", help="an article's facts as a page (self-contained HTML)")
    show.add_argument("article", help="one article: a .txt, .md, .html or .json file")
    show.add_argument("-o", "--output", help="HTML file to write (default: stdout)")
    show.add_argument("--published", type=date, help="publication date if the file has none")
    show.set_defaults(func=_cmd_show)

    report = sub.add_parser("report", help="a page of charts over an extract output (JSON lines)")
    report.add_argument("results", help="factx extract output: OUT.jsonl")
    report.add_argument("-o", "--output", help="HTML file to write (default: stdout)")
    report.set_defaults(func=_cmd_report)
