"""Font families with Simplified Chinese shapes, for screens and printing alike (QtGui only)."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

#: Preferred families, first found wins; each has Simplified Chinese glyph shapes. Without one of
#: them Qt's fallback may pick a Japanese face for Chinese text.
CJK_FAMILIES = ("Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC",
                "WenQuanYi Micro Hei")


def cjk_families() -> list[str]:
    """The preferred families this system has, in order (needs a QGuiApplication)."""
    available = set(QFontDatabase.families())
    return [family for family in CJK_FAMILIES if family in available]
