"""Reading articles from files and folders: encodings, binary files, manifests, front matter.

Every input gives either an :class:`InputDoc` or an :class:`factx.ErrorRecord`; nothing is
dropped silently. Offsets in the output always refer to the text as read here (after decoding,
BOM removal and CRLF normalisation).
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factx.records import ErrorRecord

__all__ = ["InputDoc", "iter_inputs", "read_manifest", "read_text_file"]

TEXT_SUFFIXES = (".txt", ".md")
MAX_BYTES = 50 * 1024 * 1024  # larger files are reported, not read


@dataclass
class InputDoc:
    source: str
    text: str
    id: str | None = None
    published: dt.date | None = None
    warnings: list[str] = field(default_factory=list)


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
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) > 0.1


_FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?)\n---\n", re.DOTALL)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Simple ``key: value`` YAML front matter of .md files (date/published/id)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m.group("body").splitlines():
        if ":" in line:
            key, value = line.split(":", 1)
            meta[key.strip().lower()] = value.strip().strip("'\"")
    return meta, text


def _parse_date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def read_text_file(path: Path) -> InputDoc:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReadError("too_large", f"{size} bytes is over the {MAX_BYTES} byte limit")
        data = path.read_bytes()
    except OSError as error:
        raise ReadError("io", str(error)) from error
    if _looks_binary(data):
        raise ReadError("binary", "the file looks binary, not text")
    text, warnings = _decode(data)
    doc = InputDoc(source=str(path), text=text, warnings=warnings)
    meta, _ = _front_matter(text)
    if meta:
        doc.published = _parse_date(meta.get("published") or meta.get("date"))
        doc.id = meta.get("id") or None
    if "\x00" in text:
        doc.warnings.append("NUL bytes in text")
    return doc


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
        if (st.st_dev, st.st_ino) in seen:  # a symlink loop
            dirnames[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath) / name
            rel = str(path.relative_to(root))
            if include and not any(
                fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(name, g) for g in include
            ):
                continue
            if any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(name, g) for g in exclude):
                continue
            if not include and not name.lower().endswith(TEXT_SUFFIXES):
                continue
            yield path


def iter_inputs(
    paths: Iterable[str | Path],
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    published: dt.date | None = None,
) -> Iterator[InputDoc | ErrorRecord]:
    """Documents from files and folders (recursive), in a stable order.

    The publication date comes from, in order: the folder's ``manifest.jsonl``, front matter,
    then ``published`` (the CLI's ``--published``).
    """
    for raw in paths:
        root = Path(raw)
        if root.is_dir():
            files = list(_walk(root, include, exclude))
        elif root.exists():
            files = [root]
        else:
            yield ErrorRecord(source=str(root), error="not_found", message="no such file or folder")
            continue
        manifests: dict[Path, dict[str, dict[str, Any]]] = {}
        for path in files:
            folder = path.parent
            if folder not in manifests:
                manifests[folder] = read_manifest(folder)
            try:
                doc = read_text_file(path)
            except ReadError as error:
                yield ErrorRecord(source=str(path), error=error.kind, message=str(error))
                continue
            row = manifests[folder].get(path.name)
            if row:
                doc.id = doc.id or row.get("id")
                doc.published = _parse_date(row.get("published")) or doc.published
            if doc.published is None:
                doc.published = published
            yield doc
