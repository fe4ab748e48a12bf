"""One ``factx extract`` run: inputs in, articles to the output, error records to their file.

Kept apart from argument parsing so that what a run does on an interruption or a write failure
(close the part and the ledger as they are, for ``--resume``) is in one place.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from factx.io.readers import InputDoc, count_inputs, iter_inputs
from factx.io.store import Key, PartialOutput, doc_key, options_key
from factx.io.writers import OutputFormat
from factx.records import Article, ErrorRecord

__all__ = ["Run"]


class Run:
    def __init__(
        self,
        args: argparse.Namespace,
        fmt: OutputFormat,
        store: PartialOutput | None,
        errors_path: Path | None,
    ) -> None:
        self.args = args
        self.fmt = fmt
        self.store = store
        self.errors_path = errors_path
        self.articles = self.errors = self.skipped = 0
        self.counts: Counter[str] = Counter()
        self.order: list[Key] = []
        self.started = time.perf_counter()
        self._errors: IO[str] | None = None

    def _pending(self) -> Iterator[InputDoc | ErrorRecord]:
        """Inputs to extract, in order; those whose article the part holds already are noted
        (for the output's order) and skipped."""
        args = self.args
        own = [*(self.store.paths if self.store else ()), self.errors_path]
        done = self.store.done() if self.store else {}
        resumed = self.store is not None and self.store.resumed
        seen: Counter[Key] = Counter()
        options = options_key(getattr(args, "reading", None), getattr(args, "country", None))
        for item in iter_inputs(args.paths, include=args.include, exclude=args.exclude,
                                published=args.published, skip=[p for p in own if p]):  # fmt: skip
            if isinstance(item, InputDoc):
                key = doc_key(item, options)
                if resumed:  # the output is then rebuilt in input order from the part
                    self.order.append(key)
                seen[key] += 1
                if seen[key] <= done.get(key, 0):
                    self.skipped += 1
                    continue
            yield item

    def execute(self) -> None:
        from tqdm import tqdm

        from factx.batch import extract_docs

        args = self.args
        if self.store is None:
            sys.stdout.write(self.fmt.header())
        show = not args.quiet and sys.stderr.isatty()
        progress = tqdm(
            total=self._total() if show else None,
            unit=" articles",
            disable=not show,
            file=sys.stderr,
            dynamic_ncols=True,
            desc=f"starting {args.jobs} workers" if args.jobs > 1 else None,
        )
        try:
            for record in extract_docs(
                self._pending(),
                jobs=args.jobs,
                keep_text=args.keep_text,
                reading=getattr(args, "reading", None),
                country=getattr(args, "country", None),
            ):
                if isinstance(record, ErrorRecord):
                    self._error(record)
                else:
                    self._article(record)
                if progress.n == 0 and args.jobs > 1:
                    progress.set_description_str("")
                if progress.total is not None and progress.n >= progress.total:
                    progress.total = progress.n + 1  # a JSON list held several articles
                progress.set_postfix_str(f"{self.errors} errors", refresh=False)
                progress.update(1)
        finally:
            progress.close()
        self._close_errors()
        if self.store is not None:
            self.store.finish(self.order)

    def _total(self) -> int | None:
        """Records still to extract: every input, less those the part holds already."""
        args = self.args
        own = [*(self.store.paths if self.store else ()), self.errors_path]
        total = count_inputs(args.paths, include=args.include, exclude=args.exclude,
                             skip=[p for p in own if p])  # fmt: skip
        if total is None:
            return None
        return max(0, total - sum(self.store.done().values())) if self.store else total

    def _article(self, article: Article) -> None:
        if self.store is not None:
            self.store.add(article)
        else:
            sys.stdout.write(self.fmt.encode(article))
            sys.stdout.flush()
        self.articles += 1
        self.counts.update(f.type for f in article.facts)

    def _error(self, record: ErrorRecord) -> None:
        self.errors += 1
        if self.errors_path is None:
            print(f"factx: {record.source}: {record.error}: {record.message}", file=sys.stderr)
            return
        if self._errors is None:
            self._errors = self.errors_path.open("w", encoding="utf-8")
        self._errors.write(record.model_dump_json() + "\n")
        self._errors.flush()

    def _close_errors(self) -> None:
        if self._errors is not None:
            self._errors.close()
            self._errors = None

    def abandon(self) -> None:
        """Stop where the run is: the part and the ledger stay as they are for ``--resume``."""
        self._close_errors()
        if self.store is not None:
            self.store.close()

    def summary(self) -> str:
        elapsed = time.perf_counter() - self.started
        facts = ", ".join(f"{k} {v}" for k, v in sorted(self.counts.items())) or "none"
        rate = self.articles / elapsed if elapsed else 0.0
        see = f" (see {self.errors_path})" if self.errors and self.errors_path else ""
        done = f", {self.skipped} already done" if self.skipped else ""
        return (
            f"factx: {self.articles} articles, {self.errors} errors{see}{done}; facts: {facts}; "
            f"{elapsed:.1f} s, {rate:.1f} articles/s"
        )
