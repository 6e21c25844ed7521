"""The fixed vocabularies of the room: stored codes and their translatable labels."""

from __future__ import annotations

from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "vocab"

#: 优先配备的五类图书, plus 其他.
TOPICS: dict[str, str] = {
    "politics": QT_TRANSLATE_NOOP("vocab", "职工思想政治教育"),
    "skills": QT_TRANSLATE_NOOP("vocab", "素质技能提升"),
    "labour_law": QT_TRANSLATE_NOOP("vocab", "劳动关系及法律维权"),
    "culture": QT_TRANSLATE_NOOP("vocab", "职工文化建设"),
    "social_science": QT_TRANSLATE_NOOP("vocab", "社科文化"),
    "other": QT_TRANSLATE_NOOP("vocab", "其他"),
}

MATERIALS: dict[str, str] = {
    "book": QT_TRANSLATE_NOOP("vocab", "图书"),
    "periodical": QT_TRANSLATE_NOOP("vocab", "期刊"),
    "newspaper": QT_TRANSLATE_NOOP("vocab", "报纸合订本"),
    "audiovisual": QT_TRANSLATE_NOOP("vocab", "音像"),
}

#: Where a copy came from (regular channels only; see DESIGN.md).
SOURCES: dict[str, str] = {
    "distribution": QT_TRANSLATE_NOOP("vocab", "配送中心"),
    "directed": QT_TRANSLATE_NOOP("vocab", "定向采购"),
    "donation": QT_TRANSLATE_NOOP("vocab", "捐赠"),
    "purchase": QT_TRANSLATE_NOOP("vocab", "自购"),
    "other": QT_TRANSLATE_NOOP("vocab", "其他"),
}

AVAILABLE = "available"
ON_LOAN = "on_loan"
PROCESSING = "processing"
REPAIR = "repair"
MISSING = "missing"
LOST = "lost"
WITHDRAWN = "withdrawn"
HELD = "held"

COPY_STATUSES: dict[str, str] = {
    AVAILABLE: QT_TRANSLATE_NOOP("vocab", "在架"),
    ON_LOAN: QT_TRANSLATE_NOOP("vocab", "借出"),
    PROCESSING: QT_TRANSLATE_NOOP("vocab", "加工中"),
    REPAIR: QT_TRANSLATE_NOOP("vocab", "修补"),
    MISSING: QT_TRANSLATE_NOOP("vocab", "缺失"),
    LOST: QT_TRANSLATE_NOOP("vocab", "遗失"),
    WITHDRAWN: QT_TRANSLATE_NOOP("vocab", "剔除"),
    HELD: QT_TRANSLATE_NOOP("vocab", "预约保留"),
}
#: Statuses that leave the holdings (馆藏) at once: written off.
NOT_HOLDINGS = (WITHDRAWN, LOST)
#: Held copies taken off the shelf on purpose, not lendable until put back.
FLAGGED = (REPAIR, PROCESSING)
#: Held copies neither on the shelf nor lent (counted as "elsewhere"); 预约保留 copies are on the hold shelf.
ELSEWHERE = FLAGGED + (MISSING, HELD)
#: Copies a stocktake expects to find on their shelf (a missing copy may turn up); not 预约保留 copies, which
#: are on the hold shelf (like 修补 and 加工中 copies at the workbench, never reported missing).
SHELVED = (AVAILABLE, MISSING)

READER_STATUSES: dict[str, str] = {
    "active": QT_TRANSLATE_NOOP("vocab", "正常"),
    "suspended": QT_TRANSLATE_NOOP("vocab", "停用"),
    "left": QT_TRANSLATE_NOOP("vocab", "离职"),
}

#: Periodicals in the 3,000 check: 期刊 and 报纸合订本.
PERIODICAL_MATERIALS = ("periodical", "newspaper")


def label(vocabulary: dict[str, str], code: str) -> str:
    """The translated label of ``code`` (the code itself when unknown)."""
    text = vocabulary.get(code)
    return translate(CONTEXT, text) if text else code


def code_for(vocabulary: dict[str, str], value: str) -> str | None:
    """The code whose code, Chinese label or translated label is ``value`` (for imports)."""
    value = value.strip()
    for code, text in vocabulary.items():
        if value in (code, text, translate(CONTEXT, text)):
            return code
    return None
