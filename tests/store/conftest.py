"""Fixtures shared by the store tests."""

from __future__ import annotations

import pytest

from bookroom_desk.store import snapshots


@pytest.fixture
def checks(monkeypatch):
    """The files SQLite's full check ran on."""
    seen = []
    real = snapshots.sqlite_problems

    def spy(path, *args, **kwargs):
        seen.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(snapshots, "sqlite_problems", spy)
    return seen
