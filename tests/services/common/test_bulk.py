"""The cyclic collector is paused during bulk work and given back as it was."""

from __future__ import annotations

import gc

from bookroom_desk.services.common.bulk import collector_paused


def test_the_collector_is_paused_while_nested_bulk_work_runs_and_restored_after_it():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_already_off_stays_off_and_an_error_restores_it():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
    try:
        with collector_paused():
            raise KeyError
    except KeyError:
        pass
    assert gc.isenabled()


def test_let_go_empties_every_list_given():
    from bookroom_desk.services.common.bulk import let_go

    rows, plan, empty = [[i] for i in range(4501)], list(range(10)), []
    let_go(rows, plan, empty)
    assert (rows, plan, empty) == ([], [], [])


def test_what_big_bulk_work_leaves_alive_is_frozen_and_small_work_freezes_nothing():
    gc.collect()
    frozen = gc.get_freeze_count()
    with collector_paused():
        few = [[i] for i in range(100)]
    assert gc.get_freeze_count() == frozen
    with collector_paused():
        many = [[i] for i in range(200_000)]
    try:
        assert gc.get_freeze_count() >= frozen + 200_000
        assert len(few) + len(many) == 200_100
    finally:
        gc.unfreeze()
