"""Facts as spaCy spans: every fact in ``doc.spans["factx"]``, a non-overlapping choice in
``doc.ents``, and factx's colours for displaCy.

``factx_assemble`` calls :func:`set_spans` after it has made the records, so spaCy's own tools
(displaCy, ``Doc.to_bytes``, ``DocBin``, span rulers downstream) see what factx found.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc, Span, SpanGroup

from factx._extensions import SPANS_KEY

__all__ = ["COLORS", "ENTITY_ORDER", "displacy_colors", "entity_selection", "set_spans"]

#: Which type ``doc.ents`` keeps when two facts of the same length overlap: the more specific
#: first (an official's span holds the organisation's name, a port's name its country's).
ENTITY_ORDER: tuple[str, ...] = (
    "official",
    "organization",
    "port",
    "region",
    "country",
    "money",
    "quantity",
    "percentage",
    "date",
)

#: One light colour per fact type, for displaCy and ``factx show``. displaCy looks labels up
#: in upper case.
COLORS: dict[str, str] = {
    "money": "#a6e3a1",
    "quantity": "#f9e2af",
    "percentage": "#fab387",
    "date": "#89dceb",
    "port": "#74c7ec",
    "region": "#cba6f7",
    "country": "#f5c2e7",
    "organization": "#eba0ac",
    "official": "#b4befe",
}


def displacy_colors() -> dict[str, str]:
    """The ``spacy_displacy_colors`` entry point: displaCy reads it for every render, so
    ``style="ent"`` and ``style="span"`` show factx's colours without options."""
    return {label.upper(): color for label, color in COLORS.items()}


def set_spans(doc: Doc, facts: Sequence[Any], *, overwrite_ents: bool = False) -> None:
    """``doc.spans["factx"]`` gets one span per fact, labelled with its type, in the facts'
    order; ``doc.ents`` the selection :func:`entity_selection` makes of them. A fact that starts
    or ends inside a token ("3.4" of the one token "3.4pct") takes the whole tokens.

    Entities already on the Doc (a statistical NER earlier in the pipeline) stay, and factx's
    are added where they overlap none, as spaCy's ``entity_ruler`` does; ``overwrite_ents``
    replaces them."""
    spans = []
    for fact in facts:
        span = doc.char_span(fact.start, fact.end, label=fact.type, alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    doc.spans[SPANS_KEY] = SpanGroup(doc, name=SPANS_KEY, spans=spans)
    chosen = entity_selection(spans)
    existing = [] if overwrite_ents else list(doc.ents)
    if existing:
        taken = {i for ent in existing for i in range(ent.start, ent.end)}
        chosen = [s for s in chosen if not taken.intersection(range(s.start, s.end))]
    doc.ents = sorted([*existing, *chosen], key=lambda s: s.start)


def entity_selection(spans: Sequence[Span]) -> list[Span]:
    """Non-overlapping spans, longest first (in tokens); between spans of the same length the
    type earlier in :data:`ENTITY_ORDER`, then the earlier one, wins. In text order."""
    rank = {label: i for i, label in enumerate(ENTITY_ORDER)}
    ordered = sorted(
        spans, key=lambda s: (-(s.end - s.start), rank.get(s.label_, len(rank)), s.start)
    )
    taken = [False] * (len(spans[0].doc) if spans else 0)
    chosen = []
    for span in ordered:
        if any(taken[span.start : span.end]):
            continue
        taken[span.start : span.end] = [True] * (span.end - span.start)
        chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)
