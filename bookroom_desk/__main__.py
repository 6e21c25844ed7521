"""`python -m bookroom_desk` runs the `bookroom-desk` command (and it is the bundle's entry point)."""

import sys

if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # the bundle: a key worker process it starts runs this file first
        import multiprocessing

        multiprocessing.freeze_support()
    from bookroom_desk.cli import main

    sys.exit(main())
