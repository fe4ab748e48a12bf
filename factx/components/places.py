"""spaCy component: ports, regions and countries from the packaged gazetteer."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from factx import _extensions
from factx.finders.datelines import dateline_country
from factx.finders.places import country_context, find_places
from factx.finders.state_tags import state_tags
from factx.lexicons import lexicons


class PlacesComponent:
    def __init__(self, nlp: Language, name: str, country: str | None) -> None:
        _extensions.register()
        self.name = name
        self.lexicons = lexicons()
        self.country = _extensions.check_country(country)

    def __call__(self, doc: Doc) -> Doc:
        # the source-country hint is settled here, in the first factx component, so that
        # dates and amounts read the same one and the article can say which it was
        if doc._.country is None:
            doc._.country = self.country
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
        state.dateline_country = dateline_country(text, self.lexicons.places, state.countries)
        return doc


@Language.factory("factx_places", assigns=["doc._.factx"], default_config={"country": None})
def make_places(nlp: Language, name: str, country: str | None) -> PlacesComponent:
    """``country``: the ISO alpha-2 code of the feed's country when it is known (an
    Australian or British wire), which the text's dateline may not say. It decides a bare
    "$", a bare "tons" and day-first numeric dates as a known dateline country would, and
    wins over the dateline. ``factx.extract(country=...)`` sets it per call."""
    return PlacesComponent(nlp, name, country)
