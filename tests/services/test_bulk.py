"""The cyclic collector is paused during bulk work and given back as it was."""

from __future__ import annotations

import gc

from bookroom_desk.services.bulk import collector_paused


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
