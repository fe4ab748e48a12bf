"""spaCy component: money, percentages and physical quantities."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from factx import _extensions
from factx.finders.money import MoneyMatch, find_money
from factx.finders.percent import PercentMatch, find_percentages
from factx.finders.places import PlaceMatch
from factx.finders.quantity import QuantityMatch, find_quantities
from factx.finders.tables import find_table_cells
from factx.normalize.currency import code_in_force


class AmountsComponent:
    def __init__(self, nlp: Language, name: str, tons_are_metric: bool | None) -> None:
        _extensions.register()
        self.name = name
        self.tons_are_metric = tons_are_metric

    def __call__(self, doc: Doc) -> Doc:
        state = _extensions.state(doc)
        # every place counts towards the article's countries here (a story about Gujarat and
        # Kolkata is Indian even if it names Nepal); a bare "$" looks only at the first one
        countries = state.countries
        text = doc.text
        hint: str | None = doc._.country
        source = hint or state.dateline_country
        # the country a story is filed from decides its bare "$" and "francs" first
        # ("OTTAWA, March 2 - ... 320 mln dlrs": Canadian; "WASHINGTON ... dlrs": US)
        # when it is one of the two countries the article names most (a Hong Kong dateline
        # over a story about Japan's trade says nothing of its dollars); a caller's hint
        # always does, since the caller knows the feed
        local = (
            (source, *(c for c in countries if c != source))
            if source and (hint or source in countries[:2])
            else countries
        )
        money = find_money(text, local)
        self._local_currencies(doc, money, local, state.places)
        published = doc._.published
        if published is not None:
            money = [_in_force(m, published.year) for m in money]
        taken = [(m.start, m.end) for m in money]
        taken += [(e.start, e.end) for m in money for e in m.equivalents]
        percentages = [p for p in find_percentages(text) if not _inside(p.start, p.end, taken)]
        metric, tons_source = self._tons(countries, source, hinted=hint is not None)
        quantities = [
            q
            for q in find_quantities(text, metric_tons=metric, tons_source=tons_source)
            if not _inside(q.start, q.end, taken)
        ]
        self._inherited_units(money, quantities)
        self._add_table_cells(text, money, percentages, quantities)
        state.money, state.percentages, state.quantities = money, percentages, quantities
        return doc

    def _tons(
        self, countries: tuple[str, ...], source: str | None, *, hinted: bool = False
    ) -> tuple[bool, str]:
        """How a bare "tons" reads in this article, and why. International trade news means
        metric tonnes; only US sources writing about US trade mean short tons. A dateline
        outside the US makes the source foreign ("LONDON, March 4 - ... 37.25 mln tons");
        otherwise the article's main country decides, as it decides a bare "$". A caller's
        country hint is a known source either way (a US feed's "tons" are short tons whatever
        the story is about); a pipeline setting wins."""
        if self.tons_are_metric is not None:
            return self.tons_are_metric, "config"
        if hinted and source is not None:
            return source != "US", "source"
        if source is not None and source != "US":
            return True, "source"
        if not countries:
            return True, "default"
        return countries[0] != "US", "country"

    @staticmethod
    def _local_currencies(
        doc: Doc, money: list[MoneyMatch], countries: tuple[str, ...], places: list[PlaceMatch]
    ) -> None:
        """ "at Turkmenbashi, in Turkmenistan, ... 700 manats": a currency the article's
        countries left ambiguous follows the country its own sentence names. A bare "$" keeps
        to the article's main country (see ``CurrencyTable.resolve``)."""
        for i, match in enumerate(money):
            if (
                match.currency_source not in ("context", "default")
                or match.rule == "money.inherited"  # its currency is the figure's before it
                or re.search(r"(?i)\$|dollar|dlr", match.text)
            ):
                continue
            sentence = doc.char_span(match.start, match.end, alignment_mode="expand")
            if sentence is None:
                continue
            sent = sentence.sent
            local = [
                str(code)
                for p in places
                if sent.start_char <= p.start < sent.end_char
                and (code := p.data.get("code") if p.kind == "country" else p.data.get("country"))
            ]
            if not local or local[0] == (countries[:1] or ("",))[0]:
                continue
            again = find_money(sent.text, (local[0], *countries))
            for other in again:
                if (
                    sent.start_char + other.start == match.start
                    and other.currency_source == "context"
                    and other.currency != match.currency
                ):
                    money[i] = replace(match, currency=other.currency, currency_source="context")

    @staticmethod
    def _inherited_units(money: list[MoneyMatch], quantities: list[QuantityMatch]) -> None:
        """ "output rose to 274.2 mln from 269.3 mln tonnes": a bare amount takes the unit of
        the figure just before it, which may be a quantity rather than money."""
        for match in list(money):
            if match.rule != "money.inherited" or match.amount is None:
                continue
            before_money = max(
                (m.end for m in money if m.end <= match.start and m.rule != "money.inherited"),
                default=-1,
            )
            before = [q for q in quantities if q.end <= match.start and q.value is not None]
            if before and before[-1].end > before_money:
                head = max(before, key=lambda q: q.end)
                money.remove(match)
                quantities.append(QuantityMatch(match.start, match.end, match.text, match.amount,
                                                head.unit, None, None, None, "quantity.inherited"))  # fmt: skip
        quantities.sort(key=lambda q: q.start)

    @staticmethod
    def _add_table_cells(
        text: str,
        money: list[MoneyMatch],
        percentages: list[PercentMatch],
        quantities: list[QuantityMatch],
    ) -> None:
        """Cells of aligned tables, read with the unit their caption or header states."""
        taken = [(m.start, m.end) for m in money]
        taken += [(p.start, p.end) for p in percentages]
        taken += [(q.start, q.end) for q in quantities]
        for cell in find_table_cells(text):
            if _inside(cell.start, cell.end, taken):
                continue
            if cell.kind == "money":
                money.append(MoneyMatch(start=cell.start, end=cell.end, text=cell.text,
                                        amount=cell.value, currency=cell.unit,
                                        currency_source="context", rule="money.table"))  # fmt: skip
            elif cell.kind == "quantity" and cell.unit:
                quantities.append(QuantityMatch(cell.start, cell.end, cell.text, cell.value,
                                                cell.unit, None, None, None, "quantity.table"))  # fmt: skip
            elif cell.kind == "percentage":
                percentages.append(PercentMatch(cell.start, cell.end, cell.text, cell.value,
                                                False, None, "percentage.table"))  # fmt: skip


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


@Language.factory(
    "factx_amounts", assigns=["doc._.factx"], default_config={"tons_are_metric": None}
)
def make_amounts(nlp: Language, name: str, tons_are_metric: bool | None) -> AmountsComponent:
    """``tons_are_metric``: None (the default) reads a bare "tons" by the article's main
    country (short tons when it is the US, metric tonnes otherwise or when none is named);
    true or false fixes the reading for a feed whose source is known. "short tons", "long
    tons" and "metric tons" always say what they are."""
    return AmountsComponent(nlp, name, tons_are_metric)


def _in_force(match: MoneyMatch, year: int) -> MoneyMatch:
    """A currency under the code it had when the article was published (1988 roubles: SUR)."""
    code = code_in_force(match.currency, year) if match.currency else match.currency
    equivalents = [_in_force(e, year) for e in match.equivalents]
    if code == match.currency and equivalents == match.equivalents:
        return match
    return replace(match, currency=code, equivalents=equivalents)
