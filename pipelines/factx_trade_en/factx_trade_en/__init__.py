"""factx's default pipeline under the name spaCy looks for: ``spacy.load("factx_trade_en")``.

spaCy loads an installed pipeline package by importing it and calling its ``load``; the
pipeline's config and data are those of the factx wheel (``factx.model_path()``).
"""

from __future__ import annotations

from typing import Any

import spacy
from spacy.language import Language

import factx

__all__ = ["load"]


def load(**overrides: Any) -> Language:
    """The pipeline, with spaCy's ``vocab``, ``disable``, ``enable``, ``exclude`` and ``config``."""
    return spacy.load(factx.model_path("trade_en"), **overrides)
