"""Fixtures shared by the store tests."""

from __future__ import annotations

import pytest

from bookroom_desk.store import backup


@pytest.fixture
def checks(monkeypatch):
    """The files SQLite's full check ran on."""
    seen = []
    real = backup.sqlite_problems

    def spy(path, *args, **kwargs):
        seen.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(backup, "sqlite_problems", spy)
    return seen
