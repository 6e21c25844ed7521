"""After launch: pypinyin's dictionaries, loaded in the background, are left out of later collections."""

from __future__ import annotations

import gc

from bookroom_desk.ui import warmup


def test_pinyin_dictionaries_are_frozen_once_loaded():
    try:
        warmup.warm_pinyin().join()
        from pypinyin.phrases_dict import phrases_dict

        readings = next(iter(phrases_dict.values()))  # a list: the collector would walk it
        assert gc.is_tracked(readings)
        assert not any(o is readings for o in gc.get_objects())  # not in generations 0-2: frozen
    finally:
        gc.unfreeze()
