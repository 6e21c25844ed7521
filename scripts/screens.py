"""Screenshots of every page and tab of the main window, offscreen, on a demo room.

    python scripts/screens.py --lang zh_CN|en|pseudo [--out shots/] [--size 1180x760]

`pseudo` is English stretched ~40% with accents (scripts/i18n.py pseudo), to find buttons and
labels that clip when a translation runs longer. Writes <out>/<lang>-<page>[-<tab>].png.
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
#: The demo room, its data folder and the pseudo-translation: one scratch folder, removed at exit.
SCRATCH = Path(tempfile.mkdtemp(prefix="bookroom-shots-"))
atexit.register(shutil.rmtree, SCRATCH, ignore_errors=True)
os.environ.setdefault("BOOKROOM_DATA_DIR", str(SCRATCH / "data"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("zh_CN", "en", "pseudo"), default="zh_CN")
    parser.add_argument("--out", type=Path, default=ROOT / "shots")
    parser.add_argument("--size", default="1180x760")
    parser.add_argument("--ts", type=Path, help="the .ts the pseudo-translation starts from (default: the committed one)")
    args = parser.parse_args()

    from PySide6.QtCore import QThreadPool, QTranslator
    from PySide6.QtWidgets import QTabWidget

    from bookroom_desk import i18n_tools
    from bookroom_desk.i18n import install_app_translators
    from bookroom_desk.services.upkeep.demo import build_demo
    from bookroom_desk.store.migrate import open_database
    from bookroom_desk.ui.app import application, create_main_window
    from bookroom_desk.ui.pages import PAGES
    from bookroom_desk.ui.style import apply_style

    app = application()
    lang = install_app_translators(app, "en" if args.lang == "pseudo" else args.lang)
    if args.lang == "pseudo":
        qm = i18n_tools.pseudo(SCRATCH / "bookroom_pseudo.qm", args.ts or i18n_tools.TS)
        stretched = QTranslator(app)
        assert stretched.load(str(qm)), qm
        app.installTranslator(stretched)  # installed last, asked first
    apply_style(app)

    db = open_database(f"sqlite:///{SCRATCH / 'room.db'}")
    with db.write() as session:
        build_demo(session, volumes=400, readers=30, years=1, seed=1)
    window = create_main_window(db, lang)
    width, height = (int(n) for n in args.size.split("x"))
    window.resize(width, height)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)
    written = 0

    def shoot(name: str) -> None:
        nonlocal written
        for _ in range(10):  # let background figures (status bar, dashboard) arrive before the picture
            app.processEvents()
            for pool in [*window.findChildren(QThreadPool), *app.findChildren(QThreadPool)]:
                pool.waitForDone(5000)
            app.processEvents()
            time.sleep(0.05)  # a refresh started by a timer (the dashboard waits for the page to settle)
        window.grab().save(str(args.out / f"{args.lang}-{name}.png"))
        written += 1

    for spec in PAGES:
        window.show_page(spec.key)
        shoot(spec.key)
        page = window.page(spec.key)
        for tabs in page.findChildren(QTabWidget):
            if not tabs.isVisible():
                continue
            for index in range(1, tabs.count()):
                tabs.setCurrentIndex(index)
                shoot(f"{spec.key}-{tabs.objectName() or 'tabs'}{index}")
            tabs.setCurrentIndex(0)
    window.close()
    db.dispose()
    print(f"{written} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
