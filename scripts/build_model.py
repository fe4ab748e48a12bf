"""Write the default pipeline to ``models/trade_en`` (config, meta, tokenizer, vocab).

Run after changing the pipeline's components or their configuration:
``python scripts/build_model.py``. The data the components read lives in ``factx/data``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import factx
from factx.pipeline import build

OUT = Path(__file__).resolve().parent.parent / "models" / "trade_en"
SPACY_VERSION = ">=3.8.13,<3.9.0"


def main() -> None:
    nlp = build()
    nlp.meta.update(
        {
            "name": "trade_en",
            "version": factx.__version__,
            "description": "factx rule-based trade-news fact extraction (no statistical model)",
            "author": "factx developers",
            "license": "MIT",
            "requirements": [f"factx>={factx.__version__}"],
            # the floor in pyproject.toml, not the spaCy that wrote the folder (W095 otherwise)
            "spacy_version": SPACY_VERSION,
        }
    )
    if OUT.exists():
        shutil.rmtree(OUT)
    nlp.to_disk(OUT)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
