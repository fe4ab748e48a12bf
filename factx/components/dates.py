"""spaCy component: dates and periods, resolved against ``doc._.published``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from factx import _extensions
from factx.finders.dates import DateMatch, find_dates
from factx.finders.tables import find_table_cells
from factx.normalize.dates import year_period

#: Countries that write dates day first (27/02/2022); US-style month first elsewhere.
_MONTH_FIRST = frozenset({"US", "PH", "CA", "FM", "MH", "PW"})


class DatesComponent:
    def __init__(self, nlp: Language, name: str, reading: str, prefer_future: bool) -> None:
        _extensions.register()
        self.name = name
        # ``prefer_future`` is the setting's old name, kept so saved configs still load
        self.reading = "calendar" if prefer_future else _extensions.check_reading(reading)

    def __call__(self, doc: Doc) -> Doc:
        state = _extensions.state(doc)
        if doc._.reading is None:
            doc._.reading = self.reading  # the article records the reading it got
        # a source-country hint orders the digits as a known source would; without one the
        # article's main country does (a feed's own country is likelier than a story's)
        country = doc._.country or (state.countries[:1] or (None,))[0]
        day_first = country is not None and country not in _MONTH_FIRST
        text = doc.text  # spaCy rebuilds it from the tokens on every access
        state.dates = find_dates(
            text,
            doc._.published,
            day_first=day_first,
            prefer_future=doc._.reading == "calendar",
        )
        # a table's column headers "2023  2022" are years, though no word says so
        taken = [(d.start, d.end) for d in state.dates]
        for cell in find_table_cells(text):
            if cell.kind == "year" and not any(s < cell.end and cell.start < e for s, e in taken):
                period = year_period(int(cell.value))
                state.dates.append(
                    DateMatch(cell.start, cell.end, cell.text, period, None, False, "date.table")
                )
        state.dates.sort(key=lambda d: d.start)
        if doc._.published is None and any(not d.period.year_resolved for d in state.dates):
            _extensions.warn(doc, "no publication date: dates without a year are left unresolved")
        return doc


@Language.factory(
    "factx_dates",
    assigns=["doc._.factx"],
    default_config={"reading": "news", "prefer_future": False},
)
def make_dates(nlp: Language, name: str, reading: str, prefer_future: bool) -> DatesComponent:
    """``reading``: "news" (the default) reads year-less and relative dates as news does,
    looking back from the publication date; "calendar" reads them as their next occurrence
    and uses the calendar forms of schedules ("10/10", "the end of next week").
    ``factx.extract(reading=...)`` sets it per call. ``prefer_future = true`` is the old
    name of "calendar"."""
    return DatesComponent(nlp, name, reading, prefer_future)
