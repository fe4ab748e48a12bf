"""The one-call API: text in, :class:`factx.Article` out.

``extract`` runs one article, inside a spaCy memory zone so that the strings it adds to the
vocabulary are freed afterwards; ``extract_many`` streams any number of them in constant memory,
in input order, optionally over worker processes that each load the pipeline once and send back
small records rather than spaCy Docs (pickling a Doc costs more than making it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import nullcontext
from typing import Any, Literal

from spacy.language import Language

from factx import _extensions
from factx._version import __version__
from factx._workers import ignore_interrupts, spawn_context
from factx.pipeline import load
from factx.records import Article

__all__ = ["extract", "extract_many", "load"]

#: Texts longer than this are processed in chunks split at paragraph or sentence ends, with
#: offsets mapped back: spaCy refuses texts over ``nlp.max_length`` and its memory grows with
#: length.
CHUNK_CHARS = 100_000

Item = str | tuple[str, Mapping[str, Any] | None]

#: ``reading`` of :func:`extract`: see :data:`factx._extensions.READINGS`.
Reading = Literal["news", "calendar"]

#: Run each article in a spaCy memory zone (``benchmarks/bench_zones.py`` sets it off to
#: measure what the zones cost).
MEMORY_ZONES = True


def _as_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError as error:
            raise ValueError(
                f"factx: published={value!r} is not an ISO date (YYYY-MM-DD)"
            ) from error
    raise TypeError(f"factx: published must be a date or ISO string, not {type(value).__name__}")


def _chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Split at a paragraph, line or sentence end near ``size``; offsets stay exact."""
    start = 0
    n = len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            window = text[start + size // 2 : end]
            for pattern in (r"\n\s*\n", r"\n", r"[.!?]\s", r"\s"):
                hits = list(re.finditer(pattern, window))
                if hits:
                    end = start + size // 2 + hits[-1].end()
                    break
        yield start, text[start:end]
        start = end


_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(text: str) -> tuple[str, int]:
    """The text with lone surrogates (undecodable bytes read with surrogateescape, broken
    UTF-16) replaced by U+FFFD, and how many: spaCy cannot hash them. One character for one
    keeps every offset."""
    if not _SURROGATE.search(text):
        return text, 0
    return _SURROGATE.subn("\ufffd", text)


#: spaCy's tokenizer takes time superlinear in a run of one prefix or suffix symbol ("$" * 4000
#: took 4.7 s, "(" * 8000 7.4 s); such runs hold no fact, and are read as spaces. Rule lines
#: ("-----", "=====") are fast and may mark tables, so they stay.
RUN_LIMIT = 64
_RUN = re.compile(rf"([^\w\s\-=_*.~#+])\1{{{RUN_LIMIT - 1},}}")  # rule lines "----" stay


def _neutralise_runs(text: str) -> tuple[str, int]:
    """The text with every run of ``RUN_LIMIT`` or more of one symbol blanked (one space for
    one character, so offsets hold), and how many runs there were."""
    if not _RUN.search(text):
        return text, 0
    return _RUN.subn(lambda m: " " * len(m.group()), text)


class _Options:
    """The reading options of one call, and what the pipeline made of them: a None the
    caller left is filled with the pipeline's configured value once a chunk has run."""

    __slots__ = ("country", "reading")

    def __init__(self, reading: str | None, country: str | None) -> None:
        self.reading = _extensions.check_reading(reading)
        self.country = _extensions.check_country(country)


def _run(
    nlp: Language, text: str, published: dt.date | None, doc_id: str, options: _Options
) -> tuple[list[Any], list[str]]:
    _extensions.register()
    facts: list[Any] = []
    warnings: list[str] = []
    asked = (options.reading, options.country)
    for offset, chunk in _chunks(text):
        doc = nlp.make_doc(chunk)
        doc._.published = published
        doc._.doc_id = doc_id
        doc._.offset = offset  # fact ids hash offsets in the whole text, not in the chunk
        doc._.reading, doc._.country = asked
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
        options.reading, options.country = doc._.reading, doc._.country
        chunk_facts = doc._.facts or []
        if offset:
            chunk_facts = [_shift(f, offset) for f in chunk_facts]
        facts.extend(chunk_facts)
        warnings.extend(doc._.factx_warnings or [])
    if len(text) > CHUNK_CHARS:
        warnings.append(f"long text ({len(text)} characters) processed in chunks")
    return facts, sorted(set(warnings), key=warnings.index)


def _shift(fact: Any, offset: int) -> Any:
    update: dict[str, Any] = {
        "start": fact.start + offset,
        "end": fact.end + offset,
        "sentence_start": fact.sentence_start + offset,
        "sentence_end": fact.sentence_end + offset,
    }
    if getattr(fact, "mentions", None):
        update["mentions"] = [(s + offset, e + offset) for s, e in fact.mentions]
    if getattr(fact, "equivalents", None):
        update["equivalents"] = [
            e.model_copy(update={"start": e.start + offset, "end": e.end + offset})
            for e in fact.equivalents
        ]
    return fact.model_copy(update=update)


def extract(
    text: str,
    *,
    published: dt.date | str | None = None,
    doc_id: str | None = None,
    pipeline: str = "trade_en",
    source: str | None = None,
    keep_text: bool = False,
    reading: Reading | None = None,
    country: str | None = None,
) -> Article:
    """Every fact in one article.

    ``published`` resolves relative and year-less dates ("February 27", "last year"); without it
    such dates keep an unresolved year and the article carries a warning. ``doc_id`` becomes the
    article's id (default: a hash of the text), and fact ids derive from it.

    ``reading`` says how those dates are read: "news" (the pipeline's default) looks back from
    the publication date as reports do ("on March 3" published in May is the March before);
    "calendar" reads them as their next occurrence, as schedules and event listings do.
    ``country`` (ISO 3166 alpha-2) is the source's country when the caller knows it and the
    text may not say so: a bare "$" is then its dollar where its press writes "$" for it
    ("AU"), a bare "tons" short tons only for "US", and 4/5/2024 is 4 May for a day-first
    country ("GB", "AU", "IN"). It wins over the dateline. None of either leaves the
    pipeline's configuration to decide; the article records what was used.
    """
    if not isinstance(text, str):
        raise TypeError(f"factx.extract needs text (str), not {type(text).__name__}")
    from factx.components.assemble import article_id

    options = _Options(reading, country)
    nlp = load(pipeline)
    published_date = _as_date(published)
    ident = doc_id or article_id(text)
    sha1 = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
    text, replaced = _encodable(text)
    text, runs = _neutralise_runs(text)
    # strings and lexemes of this article are freed when it is done (the records hold no
    # Doc or Span), so the vocabulary does not grow over a batch; a caller's own zone is kept
    in_zone = bool(getattr(nlp.vocab, "in_memory_zone", False))  # not in spaCy's stubs
    zone = nullcontext() if in_zone or not MEMORY_ZONES else nlp.memory_zone()
    with zone:
        facts, warnings = _run(nlp, text, published_date, ident, options)
    if runs:
        warnings.insert(0, f"{runs} runs of {RUN_LIMIT} or more of one symbol read as spaces")
    if replaced:
        warnings.insert(0, f"{replaced} lone surrogate characters replaced with U+FFFD")
    if published_date is None:
        warnings.insert(0, "no publication date given")
    return Article(
        id=ident,
        published=published_date,
        facts=facts,
        warnings=warnings,
        factx_version=__version__,
        pipeline=nlp.meta.get("name", pipeline),
        source=source,
        text_sha1=sha1,
        text=text if keep_text else None,
        reading="calendar" if options.reading == "calendar" else "news",
        country=options.country,
    )


def _normalise_item(item: Item) -> tuple[str, dict[str, Any]]:
    if isinstance(item, str):
        return item, {}
    if isinstance(item, tuple) and len(item) == 2:
        text, meta = item
        return text, dict(meta or {})
    raise TypeError("factx.extract_many takes texts or (text, metadata) pairs")


def _extract_item(args: tuple[str, dict[str, Any], str, Reading | None, str | None]) -> Article:
    text, meta, pipeline, reading, country = args
    return extract(
        text,
        published=meta.get("published"),
        doc_id=meta.get("id"),
        pipeline=pipeline,
        source=meta.get("source"),
        reading=meta.get("reading", reading),
        country=meta.get("country", country),
    )


def _worker_init(pipeline: str) -> None:
    ignore_interrupts()
    load(pipeline)


def extract_many(
    items: Iterable[Item],
    *,
    n_process: int = 1,
    batch_size: int = 64,
    pipeline: str = "trade_en",
    reading: Reading | None = None,
    country: str | None = None,
) -> Iterator[Article]:
    """Articles for texts or ``(text, metadata)`` pairs, in input order, in constant memory.

    ``metadata`` may hold ``id``, ``published`` and ``source``, and ``reading`` and
    ``country`` for one article of a mixed feed; ``reading`` and ``country`` here apply to
    the others (see :func:`extract`). A misspelt option fails at the call, before any work. With ``n_process > 1`` worker
    processes each load the pipeline once; at most ``n_process * batch_size`` articles are in
    flight at any time. Workers re-import the calling script, so a script must make the call
    under ``if __name__ == "__main__":``; without it this raises ``RuntimeError`` rather than
    respawning workers for ever.
    """
    _Options(reading, country)  # checked now: this function is not itself a generator
    return _extract_many(items, n_process, batch_size, pipeline, reading, country)


def _extract_many(
    items: Iterable[Item],
    n_process: int,
    batch_size: int,
    pipeline: str,
    reading: Reading | None,
    country: str | None,
) -> Iterator[Article]:
    iterator = (_normalise_item(item) for item in items)
    if n_process <= 1:
        for text, meta in iterator:
            yield _extract_item((text, meta, pipeline, reading, country))
        return
    context = spawn_context()
    with context.Pool(n_process, initializer=_worker_init, initargs=(pipeline,)) as pool:
        while True:
            window = [
                (t, m, pipeline, reading, country)
                for t, m in itertools.islice(iterator, n_process * batch_size)
            ]
            if not window:
                break
            yield from pool.imap(_extract_item, window, chunksize=max(1, batch_size // 4))
