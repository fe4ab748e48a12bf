"""Every ``Doc._`` attribute factx uses, declared in one place and registered idempotently.

Components call :func:`register` when they are built, so worker processes that unpickle a
pipeline (``n_process > 1``) have the extensions too.
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["register"]

_ATTRIBUTES: dict[str, object] = {
    "facts": None,  # list of factx records, set by factx_assemble
    "published": None,  # datetime.date the article was published, set by the caller
    "doc_id": None,  # the article's id, set by the caller
    "factx": None,  # dict of raw matches per family, private to factx components
    "factx_warnings": None,  # list of warnings about this document
}


def register() -> None:
    for name, default in _ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def state(doc: Doc) -> dict[str, object]:
    """The per-document scratch space the components share (created on first use)."""
    if doc._.factx is None:
        doc._.factx = {}
    return doc._.factx  # type: ignore[no-any-return]


def warn(doc: Doc, message: str) -> None:
    if doc._.factx_warnings is None:
        doc._.factx_warnings = []
    doc._.factx_warnings.append(message)
