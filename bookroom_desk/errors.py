"""The one family of errors a volunteer may see (Qt-free, shared by store and services); anything else is a bug."""

from __future__ import annotations

from typing import Any

from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "BookroomError"


class BookroomError(Exception):
    """An error whose message a volunteer can read.

    ``text`` is the Chinese source text, marked with
    ``QT_TRANSLATE_NOOP("BookroomError", ...)`` so it can be translated; ``params`` fill
    its ``{name}`` fields after translation.
    """

    #: The form field the error is about, once :func:`services.catalogue.titles.on_field` has marked it.
    field: str

    def __init__(self, text: str, **params: Any) -> None:
        super().__init__(text)
        self.text = text
        self.params = params

    @property
    def message(self) -> str:
        return translate(CONTEXT, self.text).format(**self.params)

    def __str__(self) -> str:
        return self.message


class NotFound(BookroomError):
    """Something named by the user does not exist."""


class InvalidInput(BookroomError):
    """A value typed, scanned or imported is not acceptable."""


class Refused(BookroomError):
    """A rule of the room forbids the action."""


class Conflict(BookroomError):
    """The action clashes with what is already stored."""


class DatabaseError(BookroomError):
    """The database cannot be opened or used as it is."""


class ImportRejected(BookroomError):
    """A file had bad rows; nothing was imported. ``problems`` lists them."""

    def __init__(self, problems: list, text: str | None = None, **params: Any) -> None:
        super().__init__(
            text or QT_TRANSLATE_NOOP("BookroomError", "文件中有 {count} 处问题，未导入任何数据。"),
            count=len(problems),
            **params,
        )
        self.problems = problems
