"""Reading articles from files, folders and stdin: encodings, HTML, JSON, manifests.

Every input gives either :class:`InputDoc` records or an :class:`factx.ErrorRecord`; nothing is
dropped silently. Offsets in the output always refer to the text as read here (after decoding,
BOM removal, CRLF normalisation and, for HTML, main-text extraction); ``--keep-text`` writes it.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from factx.records import ErrorRecord

__all__ = [
    "InputDoc",
    "ReadError",
    "count_inputs",
    "iter_inputs",
    "read_manifest",
    "read_path",
    "read_stream",
]

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".json", ".jsonl")
DEFAULT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES
MAX_BYTES = 50 * 1024 * 1024  # larger files are reported as errors, not read
TEXT_FIELDS = ("text", "body", "content", "article")


@dataclass
class InputDoc:
    source: str
    text: str
    id: str | None = None
    published: dt.date | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def sha1(self) -> str:
        """Content hash: with ``source`` it identifies work already done (``--resume``)."""
        return hashlib.sha1(self.text.encode("utf-8", "surrogatepass")).hexdigest()


class ReadError(Exception):
    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def _decode(data: bytes) -> tuple[str, list[str]]:
    """UTF-8 (with or without BOM) first; otherwise charset-normalizer's best guess, recorded."""
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise ReadError("decode", "cannot detect the text encoding") from None
        text = str(best)
        warnings.append(f"decoded as {best.encoding} (not UTF-8)")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, warnings


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith(
        (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF")
    ):
        return True
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM is text
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) > 0.1


_FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?)\n---\n", re.DOTALL)


def _front_matter(text: str) -> dict[str, str]:
    """Simple ``key: value`` front matter of Markdown files (date/published/id)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}
    meta: dict[str, str] = {}
    for line in m.group("body").splitlines():
        if ":" in line:
            key, value = line.split(":", 1)
            meta[key.strip().lower()] = value.strip().strip("'\"")
    return meta


def _given_date(value: Any, where: str, warnings: list[str]) -> dt.date | None:
    """A date the input gives; one it gives but that is no date is a warning, not silence."""
    date = _parse_date(value)
    if date is None and value not in (None, ""):
        warnings.append(f"{where}: {value!r} is not a date (YYYY-MM-DD); ignored")
    return date


def _parse_date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _read_bytes(path: Path) -> bytes:
    """A regular file's bytes, read with a bound. A FIFO would block for ever and a device
    such as /dev/zero never ends (``st_size`` is 0 for both), so neither is opened."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ReadError("not_a_file", "not a regular file (a FIFO, device or socket)")
        if info.st_size > MAX_BYTES:
            raise ReadError("too_large", f"{info.st_size} bytes is over the {MAX_BYTES} byte limit")
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:  # it grew while being read
            raise ReadError("too_large", f"over the {MAX_BYTES} byte limit")
        return data
    except OSError as error:
        raise ReadError("io", str(error)) from error


def _html_doc(source: str, html: str) -> InputDoc:
    try:
        import trafilatura
    except ImportError:  # also raised when lxml lacks its html-clean part
        raise ReadError(
            "dependency", "HTML input needs trafilatura: pip install 'factx[html]'"
        ) from None
    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
    if not text:
        raise ReadError("empty", "no article text found in the HTML")
    doc = InputDoc(source=source, text=text)
    metadata = trafilatura.extract_metadata(html)
    if metadata is not None and getattr(metadata, "date", None):
        doc.published = _parse_date(metadata.date)
    title = getattr(metadata, "title", None) if metadata is not None else None
    if title and title not in text:
        doc.text = f"{title}\n\n{text}"
    return doc


def _json_docs(source: str, text: str) -> Iterator[InputDoc | ErrorRecord]:
    """``{"id", "text", "published"}`` objects: one per line (JSON lines) or a list/object."""
    stripped = text.lstrip()
    rows: list[tuple[str, Any]] = []
    if stripped.startswith("["):
        try:
            rows = [(f"{source}#{i}", row) for i, row in enumerate(json.loads(text))]
        except json.JSONDecodeError as error:
            yield ErrorRecord(source=source, error="json", message=str(error))
            return
    else:
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    rows.append((f"{source}:{number}", json.loads(line)))
                except json.JSONDecodeError as error:
                    yield ErrorRecord(source=f"{source}:{number}", error="json", message=str(error))
    for where, row in rows:
        if not isinstance(row, dict):
            yield ErrorRecord(source=where, error="json", message="not a JSON object")
            continue
        body = next((row[k] for k in TEXT_FIELDS if isinstance(row.get(k), str)), None)
        if body is None:
            yield ErrorRecord(
                source=where, error="json", message=f"no text field ({', '.join(TEXT_FIELDS)})"
            )
            continue
        warnings: list[str] = []
        yield InputDoc(
            source=str(row.get("source") or where),
            text=body.replace("\r\n", "\n"),
            id=str(row["id"]) if row.get("id") is not None else None,
            published=_given_date(row.get("published") or row.get("date"), "published", warnings),
            warnings=warnings,
        )


def read_path(path: Path) -> Iterator[InputDoc | ErrorRecord]:
    """The documents in one file (a JSON lines file holds many)."""
    try:
        data = _read_bytes(path)
        if _looks_binary(data):
            raise ReadError("binary", "the file looks binary, not text")
        text, warnings = _decode(data)
        suffix = path.suffix.lower()
        if suffix in HTML_SUFFIXES:
            doc = _html_doc(str(path), text)
        elif suffix in JSON_SUFFIXES:
            yield from _json_docs(str(path), text)
            return
        else:
            doc = InputDoc(source=str(path), text=text)
            meta = _front_matter(text)
            if meta:
                doc.published = _given_date(
                    meta.get("published") or meta.get("date"), "front matter date", warnings
                )
                doc.id = meta.get("id") or None
    except ReadError as error:
        yield ErrorRecord(source=str(path), error=error.kind, message=str(error))
        return
    doc.warnings = warnings + doc.warnings
    if "\x00" in doc.text:
        doc.warnings.append("NUL bytes in text")
    yield doc


def read_stream(stream: IO[str], source: str = "<stdin>") -> Iterator[InputDoc | ErrorRecord]:
    """stdin: JSON lines (``{"id", "text", "published"}``) if it starts with "{", else one text."""
    text = stream.read()
    if text.lstrip().startswith("{"):
        yield from _json_docs(source, text)
    else:
        yield InputDoc(source=source, text=text.replace("\r\n", "\n"))


def read_manifest(folder: Path) -> dict[str, dict[str, Any]]:
    """A sidecar ``manifest.jsonl`` of ``{"file", "id", "published"}`` rows, keyed by file name."""
    path = folder / "manifest.jsonl"
    rows: dict[str, dict[str, Any]] = {}
    if not path.is_file():
        return rows
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(row, dict) and row.get("file"):
            rows[str(row["file"])] = row
    return rows


def _walk(root: Path, include: Sequence[str], exclude: Sequence[str]) -> Iterator[Path]:
    seen: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        st = os.stat(dirpath)
        if (st.st_dev, st.st_ino) in seen:  # a symlink loop: each folder is read once
            dirnames[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath) / name
            rel = str(path.relative_to(root))
            if name == "manifest.jsonl":
                continue
            if include and not any(
                fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(name, g) for g in include
            ):
                continue
            if any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(name, g) for g in exclude):
                continue
            if not include and not name.lower().endswith(DEFAULT_SUFFIXES):
                continue
            yield path


def _same_file(path: Path, skip: Sequence[Path]) -> bool:
    return any(path == s or (path.name == s.name and path.resolve() == s) for s in skip)


def count_inputs(
    paths: Iterable[str | Path],
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    skip: Iterable[str | Path] = (),
) -> int | None:
    """About how many records :func:`iter_inputs` gives (one per file, one per line of a JSON
    lines file), for a progress bar's total and ETA; None when stdin is read."""
    skipped = [Path(p).resolve() for p in skip]
    total = 0
    for raw in paths:
        if str(raw) == "-":
            return None
        root = Path(raw)
        files: Iterable[Path] = _walk(root, include, exclude) if root.is_dir() else [root]
        for path in files:
            if skipped and _same_file(path, skipped):
                continue
            if path.suffix.lower() == ".jsonl":
                try:
                    with path.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip()) or 1
                except OSError:
                    total += 1
            else:
                total += 1
    return total


def iter_inputs(
    paths: Iterable[str | Path],
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    published: dt.date | None = None,
    skip: Iterable[str | Path] = (),
) -> Iterator[InputDoc | ErrorRecord]:
    """Documents from files and folders (recursive), in a stable order; "-" reads stdin.

    The publication date comes from, in order: the folder's ``manifest.jsonl``, front matter
    or HTML metadata or the JSON record, then ``published`` (the CLI's ``--published``).
    Files in ``skip`` (the run's own output, errors, part and ledger files, which may lie in
    an input folder) are never read, so a second run does not read the first one's output.
    """
    import sys

    skipped = [Path(p).resolve() for p in skip]

    for raw in paths:
        if str(raw) == "-":
            for item in read_stream(sys.stdin):
                if isinstance(item, InputDoc) and item.published is None:
                    item.published = published
                yield item
            continue
        root = Path(raw)
        if root.is_dir():
            files: Iterable[Path] = _walk(root, include, exclude)
        elif root.exists():
            files = [root]
        else:
            yield ErrorRecord(source=str(root), error="not_found", message="no such file or folder")
            continue
        manifests: dict[Path, dict[str, dict[str, Any]]] = {}
        for path in files:
            if skipped and _same_file(path, skipped):
                continue
            folder = path.parent
            if folder not in manifests:
                manifests[folder] = read_manifest(folder)
            row = manifests[folder].get(path.name)
            for item in read_path(path):
                if isinstance(item, InputDoc):
                    if row:
                        item.id = item.id or row.get("id")
                        item.published = (
                            _given_date(row.get("published"), "manifest.jsonl", item.warnings)
                            or item.published
                        )
                    if item.published is None:
                        item.published = published
                yield item
