"""``paused_gc()``: no cyclic garbage collection while a block builds many objects.

Why: CPython runs a collection every 700 new container objects, and one over the oldest
generation each time that generation has grown by a quarter; each walks every object
alive. Loading a 100k-document store creates millions of dicts (10.9 s with the
collector on, 4.5 s off) and a 10,000-row answer tens of thousands of objects. What these
blocks build holds no reference cycles, so pausing the collector loses nothing: the
objects are freed by reference counting as usual. Nested and concurrent uses are safe: a
block re-enables only what it disabled itself.

On the way out, what the block created is moved to the oldest generation unscanned
(``gc.freeze()`` then ``gc.unfreeze()``, two constant-time list moves) instead of being
walked by the first young collection after the block: that walk cost a 10,000-row answer
5–8 ms of its ~40 (docs/benchmarks_queries.md). Objects there are still collected by the
next full collection. Skipped when the program froze objects itself (``unfreeze`` would
release them too).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        gc.enable()
