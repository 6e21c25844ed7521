"""Who does something: the command line's operator, and the check that a caller named someone."""

from __future__ import annotations

from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "actors"

# The PC's operator — the command line, or the window of a room without accounts — with every right,
# since whoever runs the command line holds the database file anyway. Recorded as lent_by, audit
# actor etc. In full-width brackets, so it reads as a note rather than a person in the audit log,
# and it can never be an account's name (accounts refuses it). Stored in Chinese whatever the language;
# lists show it through shown(), so an English window reads "(operator)".
OPERATOR = QT_TRANSLATE_NOOP("actors", "（操作员）")


def named(actor: str) -> str:
    """``actor`` itself; ValueError (a bug in the caller, not the user's mistake) if it names no one."""
    if not actor:
        raise ValueError("no actor: pass the account logged in, or actors.OPERATOR")
    return actor


def shown(name: str) -> str:
    """Who did something, as a list shows it: the operator in the language installed, anyone else as named."""
    return translate(CONTEXT, OPERATOR) if name == OPERATOR else name
