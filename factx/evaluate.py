"""Scoring factx against expected-facts files (the seed's format, see corpora/README.md).

Facts match on normalised values, once per distinct value: amount and currency (a stated
conversion counts as its own amount), date value, percentage value, quantity in base units,
port name/alias/UN/LOCODE, region and country code, organisation name or acronym, official
name; title and organisation accuracy are reported apart for matched officials.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from factx.records import FACT_TYPES, Article

__all__ = ["GoldArticle", "Score", "evaluate", "format_table", "load_gold", "shared_dir"]


def shared_dir() -> Path | None:
    """The shared material folder: $FACTX_SHARED, else ../shared beside the checkout."""
    env = os.environ.get("FACTX_SHARED")
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve().parent.parent
    candidates += [here.parent / "shared", Path.cwd().parent / "shared"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return None


@dataclass
class GoldArticle:
    id: str
    path: Path
    text: str
    published: dt.date | None
    facts: dict[str, list[dict[str, Any]]]


class GoldUnavailable(FileNotFoundError):
    """An expected-facts file points at a text that is not here (e.g. shared/ is absent)."""


def load_gold(path: Path) -> GoldArticle:
    data = json.loads(path.read_text(encoding="utf-8"))
    if "text_file" in data:
        text_path = path.parent / data["text_file"]
    elif "shared_text" in data:
        shared = shared_dir()
        if shared is None:
            raise GoldUnavailable(f"{path}: needs the shared folder for {data['shared_text']}")
        text_path = shared / data["shared_text"]
    else:
        raise ValueError(f"{path}: no text_file or shared_text")
    if not text_path.is_file():
        raise GoldUnavailable(f"{path}: text {text_path} not found")
    published = dt.date.fromisoformat(data["published"]) if data.get("published") else None
    facts = {t: list(data.get("facts", {}).get(t, [])) for t in FACT_TYPES}
    return GoldArticle(
        data.get("id", path.stem), path, text_path.read_text(encoding="utf-8"), published, facts
    )


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(p.rglob("*.expected.json")))
        else:
            files.append(p)
    return files


# --- keys -----------------------------------------------------------------------------------


def _dec(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value)).normalize()
    except InvalidOperation:
        return None


def _norm(text: str | None) -> str:
    text = (text or "").casefold().replace("’", "'")
    text = re.sub(r"^(?:the)\s+", "", text.strip())
    return re.sub(r"[\s.]+", " ", text).strip()


def _money_keys(item: dict[str, Any]) -> list[tuple[Any, ...]]:
    currency = item.get("currency")
    if item.get("amount") is not None:
        return [("amount", _dec(item["amount"]), currency)]
    return [("range", _dec(item.get("low")), _dec(item.get("high")), currency)]


def _quantity_key(value: Any, unit: str) -> tuple[Any, ...]:
    from factx.normalize.units import to_base

    number = _dec(value)
    if number is None:
        return ("unit", unit)
    try:
        base, base_unit = to_base(number, unit)
        return (base.normalize(), base_unit)
    except Exception:  # an unknown unit in a gold file compares as written
        return (number, unit)


def _pred_keys(kind: str, fact: Any) -> list[Any]:
    if kind == "money":
        keys = _money_keys({"amount": fact.amount, "low": fact.low, "high": fact.high,
                            "currency": fact.currency})  # fmt: skip
        for e in fact.equivalents:
            keys += _money_keys({"amount": e.amount, "low": e.low, "high": e.high,
                                 "currency": e.currency})  # fmt: skip
        return keys
    if kind == "date":
        return [fact.value]
    if kind == "percentage":
        # the extractor keeps a written sign ("-2.8%"); expected files list magnitudes
        value = _dec(fact.value)
        return [abs(value) if value is not None else None]
    if kind == "quantity":
        return [_quantity_key(fact.value if fact.value is not None else fact.high, fact.unit)]
    if kind == "region" or kind == "country":
        return [fact.code]
    return []


def _gold_keys(kind: str, item: dict[str, Any]) -> list[Any]:
    if kind == "money":
        return _money_keys(item)
    if kind == "date":
        return [item["value"]]
    if kind == "percentage":
        value = _dec(item["value"])
        return [abs(value) if value is not None else None]
    if kind == "quantity":
        value = item.get("value") if item.get("value") is not None else item.get("high")
        return [_quantity_key(value, item["unit"])]
    if kind in ("region", "country"):
        return [item["code"]]
    return []


def _names(kind: str, obj: Any) -> set[str]:
    get = obj.get if isinstance(obj, dict) else (lambda k, d=None: getattr(obj, k, d))
    names = {_norm(get("name"))}
    if kind == "port":
        names |= {_norm(a) for a in (get("aliases") or [])}
        locode = get("locode")
        if locode:
            names.add(str(locode).upper())
    if kind == "organization":
        if get("acronym"):
            names.add(_norm(get("acronym")))
        if get("text"):  # the mention as written is a name of the organisation too
            names.add(_norm(get("text")))
    return {n for n in names if n}


# --- scoring --------------------------------------------------------------------------------


@dataclass
class Score:
    tp: int = 0
    gold: int = 0
    predicted: int = 0
    title_ok: int = 0
    org_ok: int = 0
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _score_values(
    kind: str, gold: list[dict[str, Any]], facts: list[Any], score: Score, doc: str
) -> None:
    gold_keys: dict[Any, str] = {}
    for item in gold:
        for key in _gold_keys(kind, item):
            gold_keys.setdefault(key, item.get("text", ""))
    pred_keys: dict[Any, str] = {}
    for fact in facts:
        for key in _pred_keys(kind, fact):
            pred_keys.setdefault(key, fact.text)
    score.gold += len(gold_keys)
    score.predicted += len(pred_keys)
    score.tp += len(set(gold_keys) & set(pred_keys))
    score.misses += [f"{doc}: {k} ({t!r})" for k, t in gold_keys.items() if k not in pred_keys]
    score.spurious += [f"{doc}: {k} ({t!r})" for k, t in pred_keys.items() if k not in gold_keys]


def _score_entities(kind: str, gold: list[dict[str, Any]], facts: list[Any], score: Score, doc: str,
                    article: Article) -> None:  # fmt: skip
    # distinct predicted entities by their name set
    distinct: list[Any] = []
    seen: list[set[str]] = []
    identities: set[str] = set()
    for fact in facts:
        names = _names(kind, fact) if kind != "official" else {_norm(fact.name)}
        # one port per UN/LOCODE (or name): ports of one group may share an alias
        identity = (fact.locode or _norm(fact.name)) if kind == "port" else None
        if identity is not None:
            if identity in identities:
                continue
            identities.add(identity)
        elif any(names & s for s in seen):
            continue
        seen.append(names)
        distinct.append(fact)
    used: set[int] = set()
    score.gold += len(gold)
    score.predicted += len(distinct)
    org_names = _org_names(article)
    for item in gold:
        names = _names(kind, item) if kind != "official" else {_norm(item.get("name"))}
        hit = next((i for i, s in enumerate(seen) if i not in used and names & s), None)
        if hit is None:
            score.misses.append(f"{doc}: {sorted(names)} ({item.get('text', '')!r})")
            continue
        used.add(hit)
        score.tp += 1
        if kind == "official":
            fact = distinct[hit]
            if _norm(fact.title) == _norm(item.get("title")):
                score.title_ok += 1
            else:
                score.misses.append(f"{doc}: title of {item.get('name')}: "
                                    f"{item.get('title')!r} != {fact.title!r}")  # fmt: skip
            if _same_org(item.get("organization"), fact, org_names):
                score.org_ok += 1
            else:
                score.misses.append(f"{doc}: organization of {item.get('name')}: "
                                    f"{item.get('organization')!r} != {fact.organization!r}")  # fmt: skip
    for i, fact in enumerate(distinct):
        if i not in used:
            score.spurious.append(f"{doc}: {fact.text!r}")


def _org_names(article: Article) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = {}
    for fact in article.facts:
        if fact.type == "organization":
            names = {_norm(fact.name)} | ({_norm(fact.acronym)} if fact.acronym else set())
            groups[fact.id] = names
    return groups


def _org_norm(text: str | None) -> str:
    """ "Trade Ministry" and "Ministry of Trade" are one name; so are "Manzanillo International
    Terminal (MIT)" and "Manzanillo International Terminal", "Office of the U.S. Trade
    Representative" and "... United States ...", "Ministry of Labour" and "... Labor",
    "X Co., Ltd." and "X Co", "Ecuador's National Aquaculture Chamber" and "National
    Aquaculture Chamber": one body written two ways."""
    norm = re.sub(r"\s*\([^()]*\)$", "", _norm(text))
    norm = re.sub(r"\bu s\b|\bus\b", "united states", norm)
    norm = re.sub(r"\blabour\b", "labor", norm)
    norm = re.sub(r"^[a-z]+'s\s+", "", norm)  # "ecuador's national aquaculture chamber"
    norm = re.sub(r",?\s+(?:co\s*,?\s*ltd|co|ltd|inc|corp|plc|llc)$", "", norm)
    word_first = re.fullmatch(r"([a-z][a-z ]*?) (ministry|department)", norm)
    return f"{word_first.group(2)} of {word_first.group(1)}" if word_first else norm


def _same_org(gold: str | None, fact: Any, org_names: dict[str, set[str]]) -> bool:
    want = _org_norm(gold)
    if not want:
        return not fact.organization
    names = {_norm(fact.organization)}
    if fact.organization_id and fact.organization_id in org_names:
        names |= org_names[fact.organization_id]
    for group in org_names.values():
        if names & group:
            names |= group
    return want in {_org_norm(n) for n in names}


def evaluate(
    paths: Sequence[str | Path], *, pipeline: str = "trade_en"
) -> tuple[dict[str, Score], list[str]]:
    """Scores per fact type over the expected-facts files under ``paths``; also returns the
    files skipped because their text is not available."""
    from factx.api import extract

    scores = {t: Score() for t in FACT_TYPES}
    skipped: list[str] = []
    for file in gold_files(paths):
        try:
            gold = load_gold(file)
        except GoldUnavailable as error:
            skipped.append(str(error))
            continue
        article = extract(gold.text, published=gold.published, doc_id=gold.id, pipeline=pipeline)
        for kind in FACT_TYPES:
            facts = [f for f in article.facts if f.type == kind]
            if kind in ("port", "organization", "official"):
                _score_entities(kind, gold.facts[kind], facts, scores[kind], gold.id, article)
            else:
                _score_values(kind, gold.facts[kind], facts, scores[kind], gold.id)
    return scores, skipped


def micro(scores: dict[str, Score]) -> Score:
    total = Score()
    for s in scores.values():
        total.tp += s.tp
        total.gold += s.gold
        total.predicted += s.predicted
    return total


def format_table(scores: dict[str, Score]) -> str:
    lines = [
        "| type | gold | found | correct | precision | recall | F1 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for kind, s in [*scores.items(), ("micro", micro(scores))]:
        lines.append(
            f"| {kind} | {s.gold} | {s.predicted} | {s.tp} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |"
        )
    official = scores.get("official")
    if official and official.tp:
        lines.append("")
        lines.append(
            f"officials matched: {official.tp}; title accuracy {official.title_ok / official.tp:.3f}; "
            f"organization accuracy {official.org_ok / official.tp:.3f}"
        )
    return "\n".join(lines)
