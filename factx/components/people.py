"""spaCy component: organisations and officials (name, title, organisation)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from factx import _extensions
from factx.finders.people import find_officials, find_organizations, role_organizations
from factx.lexicons import lexicons


class PeopleComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        _extensions.register()
        self.name = name
        self.lexicons = lexicons()

    def __call__(self, doc: Doc) -> Doc:
        lex = self.lexicons
        state = _extensions.state(doc)
        offsets = [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]
        orgs = find_organizations(doc.text, lex.organizations, offsets, lex.places)
        officials = find_officials(doc.text, lex.titles, lex.places, lex.organizations, orgs)
        named = role_organizations(doc.text, officials, orgs, lex.places)
        state.organizations = sorted([*orgs, *named], key=lambda o: o.start) if named else orgs
        state.officials = officials
        return doc


@Language.factory("factx_people", assigns=["doc._.factx"], default_config={})
def make_people(nlp: Language, name: str) -> PeopleComponent:
    return PeopleComponent(nlp, name)
