"""spaCy component: ports, regions and countries from the packaged gazetteer."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from factx import _extensions
from factx.finders.places import country_context, find_places
from factx.finders.state_tags import state_tags
from factx.lexicons import lexicons


class PlacesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        _extensions.register()
        self.name = name
        self.lexicons = lexicons()

    def __call__(self, doc: Doc) -> Doc:
        offsets = _extensions.token_spans(doc)
        sentences = _extensions.sentence_spans(doc)
        text = doc.text
        matches = find_places(text, self.lexicons.places, offsets, sentences)
        tags = state_tags(text, self.lexicons.places, matches)
        if tags:
            matches = sorted([*matches, *tags], key=lambda m: m.start)
        state = _extensions.state(doc)
        state.places = matches
        state.countries = country_context(matches)
        return doc


@Language.factory("factx_places", assigns=["doc._.factx"], default_config={})
def make_places(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent(nlp, name)
