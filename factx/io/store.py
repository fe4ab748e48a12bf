"""The partial output of a run and its ledger: what ``--resume`` trusts, and nothing else.

A run appends each whole article to ``OUT.part`` and only then one line to ``OUT.progress``
naming it (path, content hash, id, publication date) and the bytes it occupies in the part.
Wherever a run is killed, every article in the ledger is therefore whole in the part; resume
cuts the part back to the end of the last article in the ledger, so rows of an article written
in part are redone, never trusted.

Resume means: the output a clean run on today's inputs would give. Inputs whose key is in the
ledger are not extracted again; the others (new, edited, or failed last time) are; when the run
ends, the output is written in input order from the part, so records of removed inputs and the
old records of edited ones are dropped. A finished output can be resumed too: its articles are
read back into a part first (CSV and Parquet hold no row for an article without facts, so such
articles are simply extracted again).
"""

from __future__ import annotations

import csv
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TypeVar

from factx.io.readers import InputDoc
from factx.io.writers import OutputFormat
from factx.records import Article

__all__ = ["Key", "OutputError", "PartialOutput", "article_key", "doc_key", "options_key"]

#: What identifies an input's article: source, SHA-1 of the text, article id, publication date.
Key = tuple[str, str, str, str, str]

_LEDGER_VERSION = 2  # 2: the key holds the reading options
_T = TypeVar("_T")


class OutputError(Exception):
    """The output cannot be written (or resumed): one line for the user, exit status 1."""


def options_key(reading: str | None, country: str | None) -> str:
    """The reading options an article was made with: a resumed run with other options (say
    ``--country AU``) must not reuse articles read another way."""
    return f"{reading or 'news'}|{country or ''}"


def doc_key(doc: InputDoc, options: str = "news|") -> Key:
    published = doc.published.isoformat() if doc.published else ""
    return (doc.source, doc.sha1, doc.id or doc.source, published, options)


def article_key(article: Article) -> Key:
    published = article.published.isoformat() if article.published else ""
    options = options_key(article.reading, article.country)
    return (article.source or "", article.text_sha1 or "", article.id, published, options)


def _row_key(row: dict[str, Any], id_field: str) -> Key:
    # an article line (JSON lines) carries its options; a fact row (CSV, Parquet) does not,
    # so a finished flat file without its ledger is redone rather than trusted
    options = options_key(row.get("reading"), row.get("country")) if id_field == "id" else "?"
    return (
        str(row.get("source") or ""),
        str(row.get("text_sha1") or ""),
        str(row.get(id_field) or ""),
        str(row.get("published") or ""),
        options,
    )


@dataclass(frozen=True)
class _Entry:
    key: Key
    start: int
    end: int


class PartialOutput:
    """``OUT.part`` and ``OUT.progress`` of one output file, and the finished file."""

    def __init__(self, out: Path, fmt: OutputFormat) -> None:
        self.out = out
        self.fmt = fmt
        self.part = out.with_name(out.name + ".part")
        self.ledger = out.with_name(out.name + ".progress")
        self.final = out.with_name(out.name + ".part.final")
        self.header = fmt.header().encode("utf-8")
        self.entries: list[_Entry] = []
        self.resumed = False
        self._part: IO[bytes] | None = None
        self._ledger: IO[str] | None = None
        self._size = 0

    @property
    def paths(self) -> tuple[Path, ...]:
        """Every file this output writes: never to be read as an input."""
        return (self.out, self.part, self.ledger, self.final)

    def check(self) -> None:
        """Fail before any work when the output cannot be written."""
        if self.out.is_dir():
            raise OutputError(f"{self.out} is a folder; -o needs a file name")
        check_writable(self.out)

    def open(self, resume: bool) -> None:
        """Start the part: fresh, or continued from what the last run left (``resume``)."""
        try:
            if resume:
                self._recover()
            if not self.resumed:
                self._start()
            self._part = self.part.open("ab")
            self._ledger = self.ledger.open("a", encoding="utf-8")
        except OSError as error:
            raise OutputError(f"cannot write output: {error}") from None
        self._size = self.part.stat().st_size

    def done(self) -> dict[Key, int]:
        """How many records of each key the part holds already."""
        return Counter(e.key for e in self.entries)

    def add(self, article: Article) -> None:
        """Append one whole article, then its ledger line."""
        assert self._part is not None and self._ledger is not None
        data = self.fmt.encode(article).encode("utf-8", "surrogateescape")
        self._part.write(data)
        self._part.flush()
        entry = _Entry(article_key(article), self._size, self._size + len(data))
        self._size = entry.end
        self._ledger.write(_entry_line(entry))
        self._ledger.flush()
        if self.resumed:  # a clean run's part is in input order already: no index needed
            self.entries.append(entry)

    def close(self) -> None:
        """Close the part and the ledger, leaving both for a later ``--resume``."""
        for handle in (self._part, self._ledger):
            if handle is not None:
                handle.close()
        self._part = self._ledger = None

    def finish(self, order: Iterable[Key]) -> None:
        """The finished output: the part's records for ``order`` (the run's inputs, in input
        order; read only after a resume), under the real name; then the part and ledger go."""
        self.close()
        if not self.resumed and self.fmt.name != "parquet":
            os.replace(self.part, self.out)  # a clean run's part is its output already
        else:
            with self.part.open("rb") as part:
                chunks = self._chunks(part, order) if self.resumed else self._lines(part)
                self.fmt.write_final(chunks, self.final)
            os.replace(self.final, self.out)
            self.part.unlink()
        self.ledger.unlink(missing_ok=True)

    def _lines(self, part: IO[bytes]) -> Iterator[str]:
        """A clean run's Parquet part, one article a line, in input order."""
        part.seek(len(self.header))
        for line in part:
            yield line.decode("utf-8", "surrogateescape")

    def _chunks(self, part: IO[bytes], order: Iterable[Key]) -> Iterator[str]:
        ranges: dict[Key, list[_Entry]] = {}
        for entry in self.entries:
            ranges.setdefault(entry.key, []).append(entry)
        used: Counter[Key] = Counter()
        for key in order:
            stored = ranges.get(key)
            if not stored:
                continue  # the input failed: its error record is in the errors file
            entry = stored[min(used[key], len(stored) - 1)]
            used[key] += 1
            part.seek(entry.start)
            yield part.read(entry.end - entry.start).decode("utf-8", "surrogateescape")

    # resume

    def _start(self) -> None:
        self.part.write_bytes(self.header)
        self.entries = []
        with self.ledger.open("w", encoding="utf-8") as ledger:
            ledger.write(json.dumps({"factx": "progress", "version": _LEDGER_VERSION,
                                     "format": self.fmt.name}) + "\n")  # fmt: skip

    def _recover(self) -> None:
        entries = self._read_ledger() if self.part.exists() else None
        if entries is not None:
            self._cut(entries)
        elif self.out.exists():
            self._import_finished()
        else:
            return
        self.resumed = True

    def _read_ledger(self) -> list[_Entry] | None:
        """The ledger's whole entries, or None when there is no ledger of this format."""
        if not self.ledger.exists():
            return None
        lines = self.ledger.read_text(encoding="utf-8", errors="replace").splitlines()
        try:
            head = json.loads(lines[0]) if lines else {}
        except json.JSONDecodeError:
            return None
        if head.get("factx") != "progress" or head.get("version") != _LEDGER_VERSION:
            return None
        if head.get("format") != self.fmt.name:
            raise OutputError(
                f"{self.part} holds {head.get('format')} output, not {self.fmt.name}; "
                "resume with the same format, or run without --resume"
            )
        entries: list[_Entry] = []
        for line in lines[1:]:
            try:
                row = json.loads(line)
                source, sha1, ident, published, options = (str(v) for v in row["key"])
                key = (source, sha1, ident, published, options)
                entry = _Entry(key, int(row["start"]), int(row["end"]))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError):
                break  # the line the interruption cut, and nothing after it
            entries.append(entry)
        return entries

    def _cut(self, entries: list[_Entry]) -> None:
        """Keep the entries whose bytes are whole in the part; cut the part after the last."""
        size = self.part.stat().st_size
        with self.part.open("rb") as part:
            head = part.read(len(self.header))
        if head != self.header:
            self._start()
            return
        kept: list[_Entry] = []
        end = len(self.header)
        for entry in entries:
            if entry.start != end or entry.end > size:
                break
            kept.append(entry)
            end = entry.end
        with self.part.open("r+b") as part:
            part.truncate(end)
        self._rewrite_ledger(kept)

    def _rewrite_ledger(self, entries: list[_Entry]) -> None:
        temp = self.ledger.with_name(self.ledger.name + ".tmp")
        with temp.open("w", encoding="utf-8") as ledger:
            ledger.write(json.dumps({"factx": "progress", "version": _LEDGER_VERSION,
                                     "format": self.fmt.name}) + "\n")  # fmt: skip
            for entry in entries:
                ledger.write(_entry_line(entry))
        os.replace(temp, self.ledger)
        self.entries = entries

    def _import_finished(self) -> None:
        """A finished output becomes the part: its articles, each with a ledger entry."""
        scans = {"jsonl": _scan_jsonl, "csv": _scan_csv, "parquet": _scan_parquet}
        entries: list[_Entry] = []
        temp = self.part.with_name(self.part.name + ".tmp")
        try:
            with temp.open("wb") as part:
                part.write(self.header)
                position = len(self.header)
                for key, chunk in scans[self.fmt.name](self.out):
                    data = chunk.encode("utf-8", "surrogateescape")
                    part.write(data)
                    entries.append(_Entry(key, position, position + len(data)))
                    position += len(data)
        except (ValueError, KeyError, OSError) as error:
            temp.unlink(missing_ok=True)
            raise OutputError(
                f"cannot resume {self.out}: it is not factx {self.fmt.name} output ({error})"
            ) from None
        os.replace(temp, self.part)
        self._rewrite_ledger(entries)


def check_writable(path: Path) -> None:
    """Fail before any work when ``path`` cannot be created or replaced."""
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise OutputError(f"{path} is a folder, not a file")
    if not parent.is_dir():
        raise OutputError(f"cannot write {path}: there is no folder {parent}")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {path}: the folder {parent} is not writable")
    if path.exists() and not os.access(path, os.W_OK):
        raise OutputError(f"cannot write {path}: the file is not writable")


def _entry_line(entry: _Entry) -> str:
    return json.dumps({"key": list(entry.key), "start": entry.start, "end": entry.end}) + "\n"


def _scan_jsonl(path: Path) -> Iterator[tuple[Key, str]]:
    with path.open(encoding="utf-8", errors="surrogateescape", newline="") as handle:
        for line in handle:
            if line.strip():
                yield _row_key(json.loads(line), "id"), line if line.endswith("\n") else line + "\n"


def _grouped(rows: Iterable[tuple[dict[str, Any], _T]]) -> Iterator[tuple[Key, list[_T]]]:
    """Consecutive rows of one article; a fact id seen again starts the next (a repeated input)."""
    key: Key | None = None
    group: list[_T] = []
    ids: set[str] = set()
    for row, item in rows:
        row_key = _row_key(row, "article_id")
        fact_id = str(row.get("fact_id") or "")
        if group and (row_key != key or fact_id in ids):
            assert key is not None
            yield key, group
            group, ids = [], set()
        key = row_key
        group.append(item)
        ids.add(fact_id)
    if group and key is not None:
        yield key, group


def _scan_csv(path: Path) -> Iterator[tuple[Key, str]]:
    with path.open(encoding="utf-8", errors="surrogateescape", newline="") as handle:
        consumed: list[str] = []

        def lines() -> Iterator[str]:
            for line in handle:
                consumed.append(line)
                yield line

        reader = csv.reader(lines())
        columns = next(reader, None)
        if not columns or "article_id" not in columns:
            raise ValueError("no factx CSV header")

        def rows() -> Iterator[tuple[dict[str, Any], str]]:
            for values in reader:
                text = "".join(consumed)
                consumed.clear()
                yield dict(zip(columns, values, strict=False)), text

        consumed.clear()
        for key, group in _grouped(rows()):
            yield key, "".join(group)


def _scan_parquet(path: Path) -> Iterator[tuple[Key, str]]:
    import pyarrow.parquet as pq

    try:
        batches = pq.ParquetFile(str(path)).iter_batches()
    except Exception as error:  # pyarrow raises its own types for a file that is not Parquet
        raise ValueError(str(error)) from None

    def rows() -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
        for batch in batches:
            for row in batch.to_pylist():
                yield row, row

    for key, group in _grouped(rows()):
        yield key, json.dumps({"rows": group}, ensure_ascii=False) + "\n"
