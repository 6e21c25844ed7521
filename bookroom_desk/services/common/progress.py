"""The one callback long work reports its progress through."""

from __future__ import annotations

from collections.abc import Callable

#: Called as work goes on with (done, total); the UI moves a bar from it (ui.tasks passes one to every task).
Progress = Callable[[int, int], None]
