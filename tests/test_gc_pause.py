"""paused_gc(): the collector is off inside, back on after, and what the block built is
left to the oldest generation without undoing a program's own gc.freeze()."""

from __future__ import annotations

import gc

import pytest

from lexgraph.gc_pause import paused_gc


@pytest.fixture(autouse=True)
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    gc.unfreeze()
    if not was:
        gc.disable()


def test_collector_off_inside_and_on_after() -> None:
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():  # nested: the inner block does not re-enable
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collector_back_on_after_an_error() -> None:
    with pytest.raises(RuntimeError), paused_gc():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_what_the_block_built_is_not_left_to_a_young_collection() -> None:
    gc.collect()
    with paused_gc():
        built = [[i] for i in range(50_000)]
    # Young collections walk generation 0; the block's lists are in the oldest one.
    assert gc.get_count()[0] < 700
    first = built[0]
    assert any(o is first for o in gc.get_objects(generation=2))
    assert gc.get_freeze_count() == 0


def test_a_programs_own_freeze_is_kept() -> None:
    gc.freeze()
    frozen = gc.get_freeze_count()
    with paused_gc():
        [[i] for i in range(1000)]
    assert gc.get_freeze_count() == frozen
    assert gc.isenabled()


def test_garbage_cycles_built_inside_are_still_collected() -> None:
    class Node:
        pass

    with paused_gc():
        a, b = Node(), Node()
        a.other, b.other = b, a
        del a, b
    assert gc.collect() >= 2
