"""Loading factx's spaCy pipelines: found by name, built once per process.

The default pipeline ``trade_en`` is ``spacy.blank("en")``, a rule-based sentencizer (with
factx's repair of its ends at abbreviations) and factx's components: nothing is downloaded and
no statistical model is needed.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language

__all__ = ["COMPONENTS", "build", "load", "model_path"]

#: The default pipeline, in order: places first, since money and dates use the article's
#: countries to resolve "$" and day-first dates.
COMPONENTS = ("factx_places", "factx_people", "factx_dates", "factx_amounts", "factx_assemble")

_lock = threading.Lock()


def _register_factories() -> None:
    from factx.components import amounts, assemble, dates, people, places, sentences  # noqa: F401


def model_path(name: str = "trade_en") -> Path:
    """Where pipeline ``name`` lives: inside the installed package, or ``models/`` of a checkout.

    ``spacy.load(factx.model_path())`` loads the default pipeline wherever factx is installed
    (the ``factx_trade_en`` package does the same for ``spacy.load("factx_trade_en")``).
    """
    packaged = resources.files("factx").joinpath("_models").joinpath(name)
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parent.parent / "models" / name
    if checkout.is_dir():
        return checkout
    raise OSError(
        f"factx: no pipeline named {name!r} (looked in {packaged} and {checkout}). "
        "The default is 'trade_en'; a path to a saved pipeline also works."
    )


def build() -> Language:
    """The default pipeline built in code (``scripts/build_model.py`` saves it to models/)."""
    _register_factories()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("factx_sentences")  # no sentence end at "nov." or "u.s." in lower case
    for component in COMPONENTS:
        nlp.add_pipe(component)
    return nlp


#: Words of every trade article, tokenized once at load so the tokenizer caches them for
#: good: inside a memory zone (``factx.extract``) it caches nothing new.
_WARM_TEXT = (
    "The the a an of to in on at by for from with and or but as is was were be been has have "
    "had will would said says told added it its their this that these those which who than "
    "up down over under about around nearly more less million billion trillion thousand "
    "percent per cent year month week day quarter first second third last next same period "
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday exports imports trade port "
    "ports cargo container containers tonnes tons TEU freight rail train trains ship ships "
    "shipping vessel vessels terminal customs border value worth rose fell grew increased "
    "decreased compared according ministry minister president chairman director general "
    "deputy company group government China Chinese US U.S. dollars yuan euros Xinhua "
    "(Xinhua) -- , . ; : ' \" ( ) $ % 2020 2021 2022 2023 2024 2025 1 2 3 4 5 10 100\n"
)


#: An article that reaches every family's rules once, run at load so the patterns built on
#: first use, Python's cache of compiled regexes, pint's conversions and dateparser are ready
#: before the first real article (a first pass was 1.35-1.6x slower than a warm one).
_WARM_ARTICLE = (
    "BEIJING, March 3 (Xinhua) -- China's exports rose 15.2 percent year on year to 1.98 "
    "trillion yuan ($306 billion) in the first quarter of 2021, the General Administration "
    "of Customs (GAC) said on Monday. GAC spokesman Li Kuiwen said throughput at the Port of "
    "Shanghai reached 4.7 million TEUs and 120,000 tonnes of soybeans, worth 5.3 million "
    "euros, arrived between 27/02/2022 and last week. Li said Cosco Shipping Ports Ltd "
    'handled 30 percent. "Trade is recovering," said Wang Wentao, Minister of Commerce. '
    "U.S. Trade Representative Katherine Tai met Kenyan Transport Cabinet Secretary Kipchumba "
    "Murkomen in Mombasa, Kenya, on Feb. 27; the minister added that 2.5 km of rail and "
    "300,000 barrels per day of crude at $80 a barrel were due by mid-2023.\n"
)


def _prepare(nlp: Language) -> None:
    """Every set-up the first article would otherwise pay for, done now: pint's registry
    (about 1.1 s), dateparser's reader (0.4 s), and the patterns and conversions a pass over
    ``_WARM_ARTICLE`` builds. Inside a memory zone, so the vocabulary keeps nothing of it."""
    import datetime as dt
    from contextlib import nullcontext

    from factx import _extensions
    from factx.normalize.dates import prepare_dateparser
    from factx.normalize.units import unit_registry

    unit_registry()
    prepare_dateparser()
    _extensions.register()
    zone = getattr(nlp, "memory_zone", None)
    with zone() if zone is not None else nullcontext():
        doc = nlp.make_doc(_WARM_ARTICLE)
        doc._.published = dt.date(2021, 4, 13)
        for _name, proc in nlp.pipeline:
            doc = proc(doc)


@lru_cache(maxsize=8)
def _load(name: str) -> Language:
    _register_factories()
    path = Path(name) if ("/" in name or name.startswith(".")) else model_path(name)
    nlp = spacy.load(path)
    nlp.make_doc(_WARM_TEXT)
    _prepare(nlp)
    return nlp


def load(name: str = "trade_en") -> Language:
    """The pipeline ``name`` (or a path to one), loaded once per process and then shared."""
    with _lock:
        return _load(name)
