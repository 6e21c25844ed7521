"""Translations: extract, fill and compile (the build step for .qm files).

    python scripts/i18n.py update    # lupdate all sources -> resources/i18n/bookroom_en.ts,
                                     # then fill English from resources/i18n/en/*.json
    python scripts/i18n.py check     # exit 1 listing strings with no English
    python scripts/i18n.py compile   # lrelease -> resources/i18n/bookroom_en.qm
    python scripts/i18n.py missing   # print a JSON skeleton of untranslated strings
    python scripts/i18n.py pseudo [QM]  # English stretched ~40% with accents -> build/i18n/bookroom_pseudo.qm,
                                     # to look at layouts: python scripts/screens.py --lang pseudo

See bookroom_desk/i18n_tools.py for how the English is kept.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bookroom_desk import i18n_tools

PSEUDO_QM = i18n_tools.ROOT / "build" / "i18n" / "bookroom_pseudo.qm"


def main(command: str, *args: str) -> int:
    if command == "update":
        missing = i18n_tools.update()
        print(f"{i18n_tools.TS.relative_to(i18n_tools.ROOT)}: {len(missing)} string(s) without English")
    elif command == "check":
        missing = i18n_tools.unfinished(i18n_tools.TS)
        for context, source in missing:
            print(f"{context}: {source}")
        return 1 if missing else 0
    elif command == "missing":
        skeleton: dict[str, dict[str, str]] = {}
        for context, source in i18n_tools.unfinished(i18n_tools.TS):
            skeleton.setdefault(context, {})[source] = ""
        print(json.dumps(skeleton, ensure_ascii=False, indent=2))
    elif command == "compile":
        print(f"compiled {i18n_tools.compile_qm()}")
    elif command == "pseudo":
        print(f"compiled {i18n_tools.pseudo(Path(args[0]) if args else PSEUDO_QM)}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in ("update", "check", "missing", "compile", "pseudo") \
            or len(sys.argv) > (3 if sys.argv[1] == "pseudo" else 2):
        print(__doc__)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
