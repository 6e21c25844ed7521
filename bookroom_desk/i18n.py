"""Languages: Simplified Chinese (the source text) by default, English from resources/i18n.

The program's strings are written in Chinese; ``bookroom_en.ts`` holds their English. There is
no bookroom_zh_CN.ts: Chinese is the identity translation, so in zh_CN only Qt's own catalogue
(qtbase_zh_CN.qm, for the buttons and menus of Qt's dialogs and line edits) is installed, with
qtbase_extra_zh_CN.ts over it for what that catalogue leaves in English. A .qm is
compiled from its .ts by ``scripts/i18n.py compile`` (the build step, i18n_tools); when a checkout or an
install has none, or an older one, it is compiled once into the cache folder with the lrelease
that PySide6 ships, so a fresh clone shows English at once.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from bookroom_desk import text
from bookroom_desk.config import RESOURCES_DIR, user_cache_dir
from bookroom_desk.i18n_tools import compile_qm

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
#: The QSettings key of this PC's chosen language (the settings page sets it, start-up reads it).
LANGUAGE_KEY = "language"
I18N_DIR = RESOURCES_DIR / "i18n"
#: The supplement to Qt's own catalogue, ``qtbase_extra_<lang>.ts`` (only zh_CN has one).
SUPPLEMENT = "qtbase_extra"
_keep: list[QTranslator] = []  # installed translators must outlive this module's calls


def qm_file(lang: str, catalogue: str = "bookroom") -> Path | None:
    """The compiled translation ``<catalogue>_<lang>``, compiling it into the cache when needed (None: there is none)."""
    ts = I18N_DIR / f"{catalogue}_{lang}.ts"
    shipped = I18N_DIR / f"{catalogue}_{lang}.qm"
    if not ts.exists():
        return shipped if shipped.exists() else None
    if shipped.exists() and shipped.stat().st_mtime >= ts.stat().st_mtime:
        return shipped
    cached = user_cache_dir() / "i18n" / f"{catalogue}_{lang}.qm"
    if not cached.exists() or cached.stat().st_mtime < ts.stat().st_mtime:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            compile_qm(ts, cached)
        except (OSError, subprocess.CalledProcessError) as exc:
            log.warning("could not compile %s: %s", ts, exc)
            return shipped if shipped.exists() else None
    return cached


def _load(lang: str) -> list[QTranslator]:
    translators = []
    if lang != DEFAULT_LANGUAGE:
        path = qm_file(lang)
        own = QTranslator()
        if path and own.load(str(path)):
            translators.append(own)
    # Qt's own dialogs (file, print, message boxes) in the chosen language.
    qt = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(QLocale(lang), "qtbase", "_", folder):
        translators.append(qt)
    else:  # a bundle that left out Qt's catalogue (the packaging smoke test looks for this)
        log.warning("Qt's own translation qtbase_%s.qm not found in %s", lang, folder)
    # What Qt's catalogue leaves in English (the file dialog's renamed labels); installed after it, so asked first.
    extra_path = qm_file(lang, SUPPLEMENT)
    extra = QTranslator()
    if extra_path and extra.load(str(extra_path)):
        translators.append(extra)
    return translators


def normalize_language(lang: str | None) -> str:
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def install_app_translators(app: QCoreApplication, lang: str | None) -> str:
    """Install the translators for ``lang`` on ``app``; services' texts follow. Returns the language."""
    lang = normalize_language(lang)
    for translator in _keep:
        app.removeTranslator(translator)
    _keep.clear()
    for translator in _load(lang):
        app.installTranslator(translator)
        _keep.append(translator)
    QLocale.setDefault(QLocale(lang))
    text.install(lambda context, source: QCoreApplication.translate(context, source))
    return lang


def install_cli_translator(lang: str | None) -> None:
    """For subcommands (no QCoreApplication): translate services' and commands' texts directly."""
    lang = normalize_language(lang)
    if lang == DEFAULT_LANGUAGE:
        text.install(None)
        return
    translators = _load(lang)
    _keep[:] = translators

    def translate(context: str, source: str) -> str:
        for translator in translators:
            result = translator.translate(context, source)
            if result:
                return result
        return source

    text.install(translate)
