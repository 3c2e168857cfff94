"""One helper shared by the bulk builders: the cyclic garbage collector, paused."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic GC while a batch of records is built, then restore its state.

    Records cannot form reference cycles, and while a batch is loaded, decoded
    or rebuilt every new object survives until the batch is done, so the
    collector's passes over them (and over the rest of the heap) find nothing
    to free; pausing it roughly halves bulk load time. A caller who turned the
    GC off keeps it off.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
