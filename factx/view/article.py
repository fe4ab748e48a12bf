"""One article as a page: its text with every fact highlighted by type, the normalised values of
a fact on hover (its title) and on click or focus (a panel with links), a legend, and a table.

Facts nest (a country inside an organisation's name, an organisation inside an official's
title) and sometimes cross; marks nest where the facts do and a crossing fact is drawn in
pieces, so every character shows every fact that covers it.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from factx.records import Article
from factx.view._page import TYPE_ORDER, describe, esc, page, script_json

__all__ = ["render"]


@dataclass
class _Item:
    """One highlighted stretch: a fact, a stated equivalent of money, or an official's later
    mention."""

    start: int
    end: int
    ident: str
    kind: str
    title: str
    fact: str  # the id of the fact the panel shows for it
    extra: str = ""  # more classes
    links: list[tuple[str, str, str]] = field(default_factory=list)


def _title(fact: Any) -> str:
    lines = [f"{fact.type}: {fact.text}"]
    lines += [f"{label}: {value}" for label, value in describe(fact)]
    return "\n".join(lines)


def _items(article: Article, text: str) -> list[_Item]:
    names = {f.id: f.text for f in article.facts}
    items = []
    for fact in article.facts:
        links: list[tuple[str, str, str]] = []
        if fact.type == "official" and fact.organization_id in names:
            org = fact.organization_id or ""
            links.append(("organisation", org, fact.organization or names[org]))
        if fact.type == "money":
            values = [v for label, v in describe(fact) if label == "equivalent"]
            for i, value in enumerate(values):
                links.append(("equivalent", f"{fact.id}-eq{i}", value))
        items.append(
            _Item(fact.start, fact.end, fact.id, fact.type, _title(fact), fact.id, links=links)
        )
        if fact.type == "money":
            for i, e in enumerate(fact.equivalents):
                title = f"equivalent of {fact.text}: {e.amount or ''} {e.currency or '?'}"
                items.append(
                    _Item(e.start, e.end, f"{fact.id}-eq{i}", "money", title, fact.id, "eq")
                )
        if fact.type == "official":
            for j, (m_start, m_end) in enumerate(fact.mentions):
                title = f"official: {fact.name} ({fact.title}), mentioned again"
                items.append(
                    _Item(m_start, m_end, f"{fact.id}-m{j}", "official", title, fact.id, "mention")
                )
    return [i for i in items if 0 <= i.start < i.end <= len(text)]


def _open(item: _Item, piece: bool) -> str:
    ident = "" if piece else f' id="fact-{esc(item.ident)}"'
    classes = " ".join(
        c for c in ("fx", f"fx-{item.kind}", item.extra, "cont" if piece else "") if c
    )
    return (
        f'<mark class="{classes}"{ident} data-type="{esc(item.kind)}" '
        f'data-fact="{esc(item.fact)}" title="{esc(item.title)}" tabindex="0">'
    )


def _marked_text(text: str, items: list[_Item]) -> str:
    rank = {kind: i for i, kind in enumerate(TYPE_ORDER)}
    starts: dict[int, list[_Item]] = defaultdict(list)
    for item in items:
        starts[item.start].append(item)
    for group in starts.values():
        group.sort(key=lambda i: (-i.end, rank.get(i.kind, 99)))  # the outer one opens first
    bounds = sorted({0, len(text), *(i.start for i in items), *(i.end for i in items)})
    out: list[str] = []
    stack: list[_Item] = []
    pos = 0
    for p in bounds:
        out.append(esc(text[pos:p]))
        pos = p
        ending = [k for k, item in enumerate(stack) if item.end == p]
        if ending:
            deepest = ending[0]
            for item in reversed(stack[deepest:]):
                if item.end == p and "eq" not in item.extra and "mention" not in item.extra:
                    out.append(f'<span class="lbl" data-l="{esc(item.kind)}"></span>')
                out.append("</mark>")
            reopen = [item for item in stack[deepest:] if item.end != p]
            del stack[deepest:]
            for item in reopen:
                out.append(_open(item, piece=True))
                stack.append(item)
        for item in starts.get(p, []):
            out.append(_open(item, piece=False))
            stack.append(item)
    return "".join(out)


def _legend(article: Article) -> str:
    counts: Counter[str] = Counter(f.type for f in article.facts)
    chips = "".join(
        f'<li class="fx-{kind}" data-type="{kind}">{kind}<b>{counts[kind]}</b></li>'
        for kind in TYPE_ORDER
    )
    return f'<ul class="legend" aria-label="legend">{chips}</ul>'


def _table(article: Article) -> str:
    names = {f.id: f.text for f in article.facts}
    rows = []
    for n, fact in enumerate(article.facts, 1):
        values = "; ".join(f"{label}: {esc(value)}" for label, value in describe(fact))
        if fact.type == "official" and fact.organization_id in names:
            org = fact.organization_id or ""
            values += f'; <a href="#fact-{esc(org)}">→ {esc(names[org])}</a>'
        rows.append(
            f'<tr id="row-{esc(fact.id)}" data-type="{fact.type}"><td class="num">{n}</td>'
            f'<td><span class="chip fx-{fact.type}">{fact.type}</span></td>'
            f'<td><a href="#fact-{esc(fact.id)}">{esc(fact.text)}</a></td><td>{values}</td>'
            f'<td class="num">{fact.start}–{fact.end}</td><td>{esc(fact.rule)}</td></tr>'
        )
    head = "<tr><th>#</th><th>type</th><th>text</th><th>normalised</th><th>offsets</th><th>rule</th></tr>"  # fmt: skip
    return f'<table id="facts"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


CSS = """
.text { white-space: pre-wrap; font-size: 1.02rem; line-height: 2.1; background: #fff;
        border: 1px solid #e6e6ea; border-radius: .4rem; padding: 1rem 1.3rem; }
mark.fx { background: var(--fx); color: inherit; border-radius: .25rem; padding: .1rem .12rem;
          cursor: pointer; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
mark.fx mark.fx { box-shadow: inset 0 -2px 0 rgba(30,30,46,.35); }
mark.fx.eq { background: transparent; box-shadow: inset 0 -3px 0 var(--fx); }
mark.fx.mention { background: transparent; border: 1px dashed var(--fx); }
mark.fx:focus, mark.fx.hit { outline: 2px solid #1e1e2e; }
.lbl::before { content: attr(data-l); font-size: .62rem; font-weight: 700; letter-spacing: .03em;
               text-transform: uppercase; margin-left: .25rem; vertical-align: .1rem;
               color: #333; }
#details { position: fixed; right: 1rem; bottom: 1rem; width: 20rem; background: #fff;
           border: 1px solid #ccd; border-radius: .5rem; box-shadow: 0 4px 18px rgba(0,0,0,.15);
           padding: .8rem 1rem; font-size: .88rem; display: none; }
#details.on { display: block; }
#details h3 { margin: 0 0 .4rem; font-size: .95rem; }
#details dl { display: grid; grid-template-columns: auto 1fr; gap: .15rem .7rem; margin: 0; }
#details dt { color: #666; }
#details dd { margin: 0; }
"""

SCRIPT = """
(() => {
  const facts = JSON.parse(document.getElementById("factx-data").textContent);
  const box = document.getElementById("details");
  const esc = s => String(s).replace(/[&<>"]/g, c => ({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;"}[c]));
  function flash(id) {
    const el = document.getElementById("fact-" + id);
    if (!el) return;
    el.scrollIntoView({block: "center"});
    el.classList.add("hit");
    setTimeout(() => el.classList.remove("hit"), 1500);
  }
  function show(id) {
    const f = facts[id];
    if (!f) return;
    let html = `<h3><span class="chip fx-${f.type}">${f.type}</span> ${esc(f.text)}</h3><dl>`;
    for (const [k, v] of f.rows) html += `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`;
    for (const [k, target, text] of f.links)
      html += `<dt>${esc(k)}</dt><dd><a href="#fact-${esc(target)}" data-go="${esc(target)}">${esc(text)}</a></dd>`;
    box.innerHTML = html + `</dl><p><a href="#row-${esc(id)}">in the table</a></p>`;
    box.classList.add("on");
  }
  document.addEventListener("click", e => {
    const go = e.target.closest("[data-go]");
    if (go) { e.preventDefault(); flash(go.dataset.go); return; }
    const mark = e.target.closest("mark.fx");
    if (mark) { show(mark.dataset.fact); return; }
    if (!e.target.closest("#details")) box.classList.remove("on");
  });
  document.addEventListener("focusin", e => {
    const mark = e.target.closest && e.target.closest("mark.fx");
    if (mark) show(mark.dataset.fact);
  });
  // view.html#fact-ID opens on that fact: a link to one fact of an article
  const fromHash = () => {
    const id = decodeURIComponent(location.hash.slice(1)).replace(/^fact-/, "");
    const mark = document.getElementById("fact-" + id);
    if (mark) show(mark.dataset.fact);
  };
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
"""


def render(article: Article, text: str | None = None) -> str:
    """The article as one self-contained HTML page (no network, no CDN).

    The text is ``article.text`` (``extract(..., keep_text=True)``) or ``text``; the article's
    offsets must refer to it, which its ``text_sha1`` checks when present.
    """
    body_text = text if text is not None else article.text
    if body_text is None:
        raise ValueError(
            "factx.render needs the article's text: extract(..., keep_text=True), "
            "or render(article, text)"
        )
    if article.text_sha1 is not None:
        digest = hashlib.sha1(body_text.encode("utf-8", "surrogatepass")).hexdigest()
        if digest != article.text_sha1:
            raise ValueError("factx.render: this text is not the one the article was read from")
    items = _items(article, body_text)
    links = {i.ident: i.links for i in items if i.links}
    linked = {ident: {label for label, _, _ in found} for ident, found in links.items()}
    data = {
        f.id: {
            "type": f.type,
            "text": f.text,
            # a value the panel links to (organisation, equivalents) is listed once, as the link
            "rows": [row for row in describe(f) if row[0] not in linked.get(f.id, ())],
            "links": [list(link) for link in links.get(f.id, [])],
        }
        for f in article.facts
    }
    heading = article.source or article.id
    meta = [f"published {article.published or 'unknown'}", f"id {article.id}"]
    meta += [f"{len(article.facts)} facts", f"factx {article.factx_version} · {article.pipeline}"]
    warnings = "".join(f'<li class="warn">{esc(w)}</li>' for w in article.warnings)
    body = (
        f"<header><h1>{esc(heading)}</h1>"
        f'<div class="meta">{"".join(f"<span>{esc(m)}</span>" for m in meta)}</div>'
        f"{_legend(article)}" + (f"<ul>{warnings}</ul>" if warnings else "") + "</header>"
        f'<main><article class="text" id="text">{_marked_text(body_text, items)}</article>'
        f"<h2>Facts</h2>{_table(article)}</main>"
        '<aside id="details" aria-live="polite"></aside>'
        f'<script type="application/json" id="factx-data">{script_json(data)}</script>'
    )
    return page(f"factx: {heading}", body, css=CSS, script=SCRIPT)
