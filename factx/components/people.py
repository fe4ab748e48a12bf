"""spaCy component: organisations and officials (name, title, organisation)."""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

from factx import _extensions
from factx.finders.bodies import heads_of_state, resolve_bodies, titled_bodies
from factx.finders.organizations import OrgMatch, find_organizations
from factx.finders.people import OfficialMatch, find_officials, role_organizations
from factx.finders.places import PlaceMatch
from factx.lexicons import lexicons


class PeopleComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        _extensions.register()
        self.name = name
        self.lexicons = lexicons()

    def __call__(self, doc: Doc) -> Doc:
        lex = self.lexicons
        state = _extensions.state(doc)
        text = doc.text  # spaCy rebuilds it from the tokens on every access
        offsets = _extensions.token_spans(doc)
        orgs = _within_sentences(
            find_organizations(text, lex.organizations, offsets, lex.places),
            _extensions.sentence_spans(doc),
        )
        officials = find_officials(text, lex.titles, lex.places, lex.organizations, orgs)
        orgs = _ports_not_bodies(text, orgs, state.places, officials)
        named = role_organizations(text, officials, orgs, lex.places)
        state.organizations = sorted([*orgs, *named], key=lambda o: o.start) if named else orgs
        state.officials = officials
        if officials:
            titled_bodies(text, officials, lex.title_orgs)
            spans, sentences = _country_spans(state.places), _extensions.sentence_spans(doc)
            main = state.countries[0] if state.countries else None
            resolve_bodies(
                text, officials, spans, sentences, main, doc._.published, lex.government_bodies
            )
            heads_of_state(text, officials, spans, sentences, main, lex.country_names)
        return doc


_ACTS = re.compile(
    r"\s*(?:,[^,]{0,60},\s*)?(?:said|says|announced|reported|stated|told|added|signed|"
    r"awarded|invested|plans|expects|launched|issued|recorded)\b"
)


def _ports_not_bodies(
    text: str, orgs: list[OrgMatch], places: list[PlaceMatch], officials: list[OfficialMatch]
) -> list[OrgMatch]:
    """ "the Port of Los Angeles handled 9.9 million TEUs": a port named as a place is the
    port, not also its authority; it is an organisation where it acts ("the Port of Oakland
    said") or employs an official."""
    ports = {(m.start, m.end) for m in places if m.kind == "port"}
    employers = {o.organization for o in officials if o.organization}
    kept: list[OrgMatch] = []
    for org in orgs:
        spans = [(org.start, org.end), *org.mentions]
        if (
            re.match(r"(?i)port\s+of\s+", org.text)
            and all(span in ports for span in spans)
            and not any(_ACTS.match(text, e) for _, e in spans)
            and org.name not in employers
            and org.text not in employers
        ):
            continue
        kept.append(org)
    return kept


def _within_sentences(orgs: list[OrgMatch], sentences: list[tuple[int, int]]) -> list[OrgMatch]:
    """Names that run over a sentence end are not names ("He left Hong Kong. Company shares
    fell" names no "Hong Kong. Company")."""
    if not sentences:
        return orgs
    starts = [s for s, _ in sentences]
    return [
        o
        for o in orgs
        if bisect.bisect_right(starts, o.start)
        == bisect.bisect_right(starts, max(o.start, o.end - 1))
    ]


def _country_spans(places: list[PlaceMatch]) -> list[tuple[int, int, str]]:
    """Where the text names a country, directly or by a place in it."""
    spans = []
    for m in places:
        code = m.data.get("code") if m.kind == "country" else m.data.get("country")
        if code:
            spans.append((m.start, m.end, str(code)))
    return spans


@Language.factory("factx_people", assigns=["doc._.factx"], default_config={})
def make_people(nlp: Language, name: str) -> PeopleComponent:
    return PeopleComponent(nlp, name)
