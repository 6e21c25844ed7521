"""`bookroom-desk gui`: open the window (the default command)."""

from __future__ import annotations


def register(subparsers) -> None:
    parser = subparsers.add_parser("gui", help="打开图形界面（默认） open the window (default)")
    parser.set_defaults(func=run)


def run(args) -> int:
    from bookroom_desk.ui.app import run_gui

    return run_gui(db_arg=args.db, lang=args.lang)
