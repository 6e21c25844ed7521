"""`bookroom-desk gui`: open the window (the default command)."""

from __future__ import annotations


def register(subparsers) -> None:
    import argparse

    parser = subparsers.add_parser("gui", help="打开图形界面（默认） open the window (default)")
    # For benchmarks and smoke tests of a built bundle: open, wait until ready to scan, print, quit.
    parser.add_argument("--quit-when-ready", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(func=run, quit_when_ready=False)


def run(args) -> int:
    from bookroom_desk import stopping
    from bookroom_desk.ui.app import run_gui  # a full check that is due begins once the window is shown (ui/app.py)

    code = run_gui(db_arg=args.db, lang=args.lang, quit_when_ready=args.quit_when_ready)
    if getattr(args, "own_process", False):  # the room is closed and its lock released by now
        stopping.leave_now(code)
    return code
