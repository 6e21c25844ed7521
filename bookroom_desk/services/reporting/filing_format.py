"""The format of the Excel return (职工书屋统计报表): its sheets, document properties and format version.

Format version: the document's custom properties carry ``BookroomReturnFormat`` (an integer,
now 3, the printed form: heading block, ruled tables, signature lines, the list of new copies an
appendix; versions 1, without 到馆人次, 阅览册次, 预约（次）, 催还（次）, and 2 are still read),
``BookroomProgram``/``BookroomVersion`` (program name and version), the period's dates
(``BookroomPeriodStart``/``End``), the room and ``BookroomLentCopies`` (the numerator of
图书流通率, so a consolidation can recompute the rate exactly); the keywords repeat
``format=3`` for people who look at the file's properties. filing_read checks the custom
property and keeps one reader per version. filing writes a return, filing_sheets its sheets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting import filing_sources
from bookroom_desk.services.reporting.indicators import Breakdowns, Indicators

PROGRAM = "Bookroom Desk"
#: The version of the return's layout; the reader refuses newer ones. Bump only on purpose.
FORMAT_VERSION = 3
#: Custom document properties of a return (the reader checks them).
PROP_FORMAT = "BookroomReturnFormat"
PROP_PROGRAM = "BookroomProgram"
PROP_VERSION = "BookroomVersion"
PROP_START = "BookroomPeriodStart"
PROP_END = "BookroomPeriodEnd"
PROP_ROOM = "BookroomRoom"
PROP_LENT_COPIES = "BookroomLentCopies"
KEYWORDS = f"职工书屋统计报表; bookroom-desk-return; format={FORMAT_VERSION}"

SHEETS = ("基本情况", "藏书分类", "借阅统计", "新增图书", "阅读活动", "盘点情况", "十有自查")
#: The appendix after SHEETS: every copy acquired in the period; a return may leave it out.
APPENDIX = "附表新增图书清单"
FORM_NAME = "职工书屋统计报表"
#: 表号 of each sheet (SHEETS, then APPENDIX): the program's own numbers, no official ACFTU form existing.
FORM_NUMBERS = dict(zip((*SHEETS, APPENDIX), (*(f"职书统{n}表" for n in range(1, len(SHEETS) + 1)), "职书统附表")))
#: What the form is based on (in place of a 制表机关: no union office issued it).
FORM_BASIS = "制表依据：《全国工会职工书屋管理办法（试行）》"
#: The signature lines at the foot of 基本情况, with the profile field that fills each (None: a line to write on).
SIGNATURES = (("填报单位（盖章）", "workplace"), ("单位负责人", None), ("填表人", "contact"), ("联系电话", "phone"),
              ("报出日期", None))
FOOTER = "第 &P 页 共 &N 页"
#: The room profile block of 基本情况, in order (keys of room.FIELDS).
PROFILE_KEYS = ("name", "union_name", "workplace", "address", "contact", "phone", "area_m2", "seats",
                "opening_hours", "workers_served", "nameplate", "acftu_named_year", "digital_service")
UNNAMED_ROOM = "未命名书屋"


@dataclass
class ReturnData:
    """Everything a return shows except the list of new copies (streamed while writing)."""

    period: Period
    room: str
    profile: list[tuple[str, object]]  # (label, value) in PROFILE_KEYS order
    indicators: Indicators
    breakdowns: Breakdowns
    activities: list[filing_sources.ActivityRow] = field(default_factory=list)
    stocktake: filing_sources.StocktakeResult | None = None
    checks: list[filing_sources.CheckItem] = field(default_factory=list)
    #: Where the return's form is filled in: 填报单位 and the signature lines' values by profile key.
    signatures: dict[str, str] = field(default_factory=dict)
    appendix: bool = True

    @property
    def heading(self) -> str:
        return f"{self.room} {self.period.label} 职工书屋统计报表"


def safe_file_part(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", text).strip(" .") or "_"
