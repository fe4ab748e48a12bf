"""factx as spaCy users expect a pipeline to behave: spans, entities, displaCy, serialised Docs,
and ``nlp.pipe`` over processes."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from spacy import displacy
from spacy.tokens import Doc, DocBin

import factx
from factx.components.spans import COLORS, ENTITY_ORDER

TEXT = (
    "On February 27 a freight train left Alashankou Port in Xinjiang Uygur Autonomous Region "
    "with goods worth 5.59 million RMB (about 884,354 USD), said He Bin, assistant general "
    "manager of the freight company. Exports from China rose 15 percent to 120,000 tonnes."
)
OTHERS = [
    "PEKING, April 17 - China's exports rose 3.4 pct in the first quarter.",
    "The Port of Rotterdam handled 14.5 million TEU in 2021, said CEO Allard Castelein.",
    "Kazakhstan's Ministry of Trade expects $2 bln of transit revenue by 2025.",
]


def _doc(text: str = TEXT) -> Doc:
    nlp = factx.load()
    doc = nlp.make_doc(text)
    doc._.published = dt.date(2022, 3, 1)
    return nlp(doc)


def test_every_fact_is_a_span_with_its_record() -> None:
    doc = _doc()
    group = doc.spans["factx"]
    assert len(group) == len(doc._.facts) > 5
    for span, fact in zip(group, doc._.facts, strict=True):
        assert span.label_ == fact.type
        assert span._.fact == fact
        assert span.start_char <= fact.start and fact.end <= span.end_char


def test_ents_are_a_non_overlapping_selection_longest_first() -> None:
    doc = _doc()
    ents = doc.ents
    assert ents and all(e._.fact is not None for e in ents)
    for a, b in itertools.pairwise(ents):
        assert a.end <= b.start
    # every fact left out overlaps a chosen entity at least as long
    chosen = {(e.start, e.end, e.label_) for e in ents}
    for span in doc.spans["factx"]:
        if (span.start, span.end, span.label_) in chosen:
            continue
        assert any(e.start < span.end and span.start < e.end and len(e) >= len(span) for e in ents)
    assert set(ENTITY_ORDER) == set(COLORS) == set(factx.records.FACT_TYPES)


def test_ties_go_by_the_documented_order() -> None:
    from factx.components.spans import entity_selection

    doc = factx.load().make_doc("Panama exports")
    country = doc[0:1]
    country.label_ = "country"
    port = doc[0:1]
    port.label_ = "port"
    assert [s.label_ for s in entity_selection([country, port])] == ["port"]


@pytest.mark.parametrize("style", ["ent", "span"])
def test_displacy_renders_with_factx_colours(style: str) -> None:
    doc = _doc()
    html = displacy.render(doc, style=style, options={"spans_key": "factx"})
    assert "Alashankou" in html and "Xinjiang" in html
    assert COLORS["port"] in html and COLORS["money"] in html


def test_doc_bytes_round_trip() -> None:
    doc = _doc()
    again = Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert again._.facts == doc._.facts
    assert again._.published == dt.date(2022, 3, 1)
    assert [(s.start, s.end, s.label_) for s in again.spans["factx"]] == [
        (s.start, s.end, s.label_) for s in doc.spans["factx"]
    ]
    assert [s._.fact for s in again.spans["factx"]] == doc._.facts
    assert [e.label_ for e in again.ents] == [e.label_ for e in doc.ents]


def test_docbin_with_user_data() -> None:
    docs = [_doc(), _doc(OTHERS[1])]
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    back = list(DocBin(store_user_data=True).from_bytes(data).get_docs(factx.load().vocab))
    assert [d._.facts for d in back] == [d._.facts for d in docs]


def test_pickle_keeps_the_facts() -> None:
    doc = _doc()
    assert pickle.loads(pickle.dumps(doc))._.facts == doc._.facts


def test_published_must_be_a_date() -> None:
    doc = factx.load().make_doc("x")
    with pytest.raises(TypeError, match=r"datetime\.date"):
        doc._.published = "2022-03-01"


def test_nlp_pipe_two_processes_equals_one() -> None:
    """As spaCy's own tests do: the same output whether the Docs come back from workers."""
    nlp = factx.load()
    texts = [TEXT, *OTHERS] * 2
    one = [d._.facts for d in nlp.pipe(texts, batch_size=2)]
    two = [d._.facts for d in nlp.pipe(texts, batch_size=2, n_process=2)]
    assert two == one
    assert all(one)


def test_nlp_pipe_two_processes_keeps_published() -> None:
    nlp = factx.load()
    docs = []
    for text in [TEXT, *OTHERS]:
        doc = nlp.make_doc(text)
        doc._.published = dt.date(2022, 3, 1)
        docs.append(doc)
    one = [d._.facts for d in nlp.pipe([d.copy() for d in docs])]
    two = [d._.facts for d in nlp.pipe(docs, n_process=2)]
    assert two == one
    dates = [f for facts in two for f in facts if f.type == "date"]
    assert dates and all(f.year_resolved for f in dates)


def test_docbin_read_where_no_pipeline_was_loaded(tmp_path: Path) -> None:
    """A DocBin written here, read in a fresh process that imports factx but loads nothing."""
    docs = [_doc(), _doc(OTHERS[1])]
    path = tmp_path / "facts.spacy"
    DocBin(docs=docs, store_user_data=True).to_disk(path)
    script = (
        "import json, sys, spacy, factx\n"
        "from spacy.tokens import DocBin\n"
        "docs = DocBin().from_disk(sys.argv[1]).get_docs(spacy.blank('en').vocab)\n"
        "print(json.dumps([[s._.fact.model_dump(mode='json') for s in d.spans['factx']]"
        " for d in docs]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert json.loads(result.stdout) == [
        [f.model_dump(mode="json") for f in d._.facts] for d in docs
    ]


@pytest.mark.parametrize("overwrite", [False, True])
def test_entities_of_an_earlier_component_stay_unless_overwritten(overwrite: bool) -> None:
    """As spaCy's entity_ruler: factx adds its entities where they overlap none already set."""
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "GPE", "pattern": "Alashankou Port"}])
    for name in factx.load().pipe_names:
        nlp.add_pipe(name, config={"overwrite_ents": overwrite} if name == "factx_assemble" else {})
    doc = nlp(TEXT)
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Alashankou Port"] == ("port" if overwrite else "GPE")
    assert labels["5.59 million RMB"] == "money"
    assert len(doc.spans["factx"]) == len(doc._.facts)
