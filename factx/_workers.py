"""Worker processes for ``--jobs`` and ``extract_many(n_process=...)``: spawned, quiet on Ctrl-C,
and refused where they would respawn for ever.

Workers are spawned (fork is unsafe with threads and differs by platform), so each re-imports
the main script. A script that calls factx at its top level without
``if __name__ == "__main__":`` then starts the pool again in every worker; the pool replaces
each worker that fails, and the run never ends. factx looks for that case before it starts a
pool and says how to fix it.
"""

from __future__ import annotations

import multiprocessing
import re
import signal
import sys
from multiprocessing.context import SpawnContext
from pathlib import Path
from types import FrameType

__all__ = ["ignore_interrupts", "spawn_context"]

GUARD_MESSAGE = (
    "factx: worker processes re-run the main script, and {script} calls factx at its top level "
    "without a guard: put the call under 'if __name__ == \"__main__\":' (see the README, "
    "'Worker processes'), or use one process"
)
_GUARD = re.compile(r"""if\s+__name__\s*==\s*['"]__main__['"]""")


def _unguarded_script() -> str | None:
    """The main script's path if factx is called from its top level and it has no guard."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if not path:
        return None  # an interactive session or python -c: workers do not re-run it
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        if frame.f_globals.get("__name__") in ("__main__", "__mp_main__") and (
            frame.f_code.co_name == "<module>"
        ):
            try:
                source = Path(path).read_text(encoding="utf-8", errors="replace")
            except OSError:
                return None
            return None if _GUARD.search(source) else str(path)
        frame = frame.f_back
    return None


def spawn_context() -> SpawnContext:
    """The context worker pools start in, once it is safe to start them."""
    script = _unguarded_script()
    if script is not None:
        raise RuntimeError(GUARD_MESSAGE.format(script=script))
    return multiprocessing.get_context("spawn")


def ignore_interrupts() -> None:
    """In a worker: Ctrl-C reaches the whole process group, and the main process alone
    handles it (stops the pool, closes the output for --resume, exits 130)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
