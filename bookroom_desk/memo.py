"""Results of a pure function kept by argument for one piece of bulk work (a list repeats its values)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def remembered(function: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``function`` with each argument's result kept while the returned function lives.

    An argument it raises for is tried (and raises) each time; an unhashable one is not kept.
    """
    results: dict[Any, Any] = {}

    def remembering(value: Any) -> Any:
        try:
            return results[value]
        except KeyError:
            result = results[value] = function(value)
            return result
        except TypeError:
            return function(value)

    return remembering
