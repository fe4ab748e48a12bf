"""spaCy component: money, percentages and physical quantities."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from factx import _extensions
from factx.finders.money import find_money
from factx.finders.percent import find_percentages
from factx.finders.quantity import find_quantities


class AmountsComponent:
    def __init__(self, nlp: Language, name: str, tons_are_metric: bool) -> None:
        _extensions.register()
        self.name = name
        self.tons_are_metric = tons_are_metric

    def __call__(self, doc: Doc) -> Doc:
        state = _extensions.state(doc)
        # every place counts towards the article's countries here (a story about Gujarat and
        # Kolkata is Indian even if it names Nepal); a bare "$" looks only at the first one
        countries = state.countries
        text = doc.text
        money = find_money(text, countries)
        taken = [(m.start, m.end) for m in money]
        taken += [(e.start, e.end) for m in money for e in m.equivalents]
        percentages = [p for p in find_percentages(text) if not _inside(p.start, p.end, taken)]
        quantities = [
            q
            for q in find_quantities(text, metric_tons=self.tons_are_metric)
            if not _inside(q.start, q.end, taken)
        ]
        state.money, state.percentages, state.quantities = money, percentages, quantities
        return doc


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


@Language.factory(
    "factx_amounts", assigns=["doc._.factx"], default_config={"tons_are_metric": False}
)
def make_amounts(nlp: Language, name: str, tons_are_metric: bool) -> AmountsComponent:
    """``tons_are_metric``: read a bare "tons" as tonnes (for sources known to mean metric);
    by default "tons" is the short ton and only "metric tons" is the tonne."""
    return AmountsComponent(nlp, name, tons_are_metric)
