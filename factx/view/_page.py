"""What the article view and the batch report share: escaping, the page shell, the colours and
one line of normalised values per fact.

Pages are single files with their CSS and script inline and no external reference at all, so
they open from a mail attachment or an air-gapped machine exactly as they were written.
"""

from __future__ import annotations

import html
import json
from typing import Any

from factx.components.spans import COLORS, ENTITY_ORDER

__all__ = ["COLORS", "TYPE_ORDER", "describe", "esc", "page", "script_json"]

#: Types in the order the legend and the tables list them.
TYPE_ORDER: tuple[str, ...] = ENTITY_ORDER


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def script_json(value: object) -> str:
    """JSON safe inside ``<script>``: no "</script>" or "<!--" can end the element early."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _amount(value: Any) -> str:
    return "" if value is None else format(value, ",f")


def _range(low: Any, high: Any) -> str:
    return f"{_amount(low)}–{_amount(high)}"


def describe(fact: Any) -> list[tuple[str, str]]:
    """The normalised values of a fact, as (label, value) pairs, empty values left out."""
    kind = fact.type
    rows: list[tuple[str, Any]] = []
    if kind == "money":
        value = _amount(fact.amount) if fact.amount is not None else _range(fact.low, fact.high)
        rows += [("amount", value), ("currency", fact.currency or "?")]
        rows += [("per", fact.per_unit), ("qualifier", fact.qualifier)]
        for e in fact.equivalents:
            shown = _amount(e.amount) if e.amount is not None else _range(e.low, e.high)
            rows.append(("equivalent", f"{shown} {e.currency or '?'}"))
        rows.append(("currency from", fact.currency_source))
    elif kind == "date":
        rows += [("value", fact.value), ("grain", fact.grain)]
        if fact.start_date:
            rows.append(("period", f"{fact.start_date} to {fact.end_date}"))
        rows += [("relation", fact.relation), ("relative", "yes" if fact.relative else None)]
    elif kind == "percentage":
        rows.append(("value", f"{_amount(fact.value)} {'points' if fact.points else '%'}"))
        rows.append(("qualifier", fact.qualifier))
    elif kind == "quantity":
        value = _amount(fact.value) if fact.value is not None else _range(fact.low, fact.high)
        rows.append(("value", f"{value} {fact.unit}"))
        if fact.base_value is not None and fact.base_unit != fact.unit:
            rows.append(("in base unit", f"{_amount(fact.base_value)} {fact.base_unit}"))
        rows += [("qualifier", fact.qualifier), ("unit from", fact.unit_source)]
    elif kind == "port":
        rows += [("name", fact.name), ("UN/LOCODE", fact.locode), ("country", fact.country)]
        rows += [("kind", fact.kind), ("subdivision", fact.subdivision)]
        if fact.latitude is not None and fact.longitude is not None:
            rows.append(("coordinates", f"{fact.latitude:.3f}, {fact.longitude:.3f}"))
    elif kind == "region":
        rows += [("name", fact.name), ("code", fact.code), ("kind", fact.kind)]
    elif kind == "country":
        rows += [("code", fact.code), ("name", fact.name)]
    elif kind == "organization":
        rows += [("name", fact.name), ("acronym", fact.acronym), ("kind", fact.kind)]
        rows.append(("country", fact.country))
    elif kind == "official":
        rows += [("name", fact.name), ("title", fact.title)]
        rows += [("organisation", fact.organization), ("honorific", fact.honorific)]
    return [(label, str(value)) for label, value in rows if value not in (None, "")]


def _palette() -> str:
    return "\n".join(
        f".fx-{kind} {{ --fx: {COLORS[kind]}; }}" for kind in TYPE_ORDER if kind in COLORS
    )


BASE_CSS = """
:root { color-scheme: light; }
body { font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1e1e2e;
       margin: 0 auto; max-width: 1100px; padding: 1.5rem 2rem 4rem; background: #fdfdfd; }
h1 { font-size: 1.35rem; margin: 0 0 .3rem; }
h2 { font-size: 1.1rem; margin: 2rem 0 .6rem; }
.meta { color: #555; font-size: .9rem; margin-bottom: 1rem; }
.meta span + span::before { content: " · "; color: #aaa; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem; margin: .8rem 0 1.2rem; padding: 0;
          list-style: none; }
.legend li { background: var(--fx); border-radius: .3rem; padding: .1rem .55rem;
             font-size: .85rem; }
.legend b { font-weight: 600; margin-left: .3rem; }
table { border-collapse: collapse; width: 100%; font-size: .86rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #e6e6ea;
         vertical-align: top; }
th { background: #f3f3f6; position: sticky; top: 0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.chip { background: var(--fx); border-radius: .25rem; padding: 0 .35rem; white-space: nowrap; }
.warn { color: #8a4b00; font-size: .9rem; }
"""


def page(title: str, body: str, *, css: str = "", script: str = "") -> str:
    """A whole HTML document: no external stylesheet, font, script or image."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n"
        f"<style>{BASE_CSS}{_palette()}\n{css}</style>\n"
        "</head>\n<body>\n"
        f"{body}\n" + (f"<script>{script}</script>\n" if script else "") + "</body>\n</html>\n"
    )
