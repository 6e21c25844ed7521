"""The Excel return (职工书屋统计报表) of one room and one period: collects the figures and saves the workbook.

The return's format (sheets, document properties, the format version) is fixed in filing_format;
filing_sheets writes the sheets. The workbook is written in openpyxl's write-only mode (rows
streamed, styles shared) so a return of any size stays within memory.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.packaging.custom import IntProperty, StringProperty
from sqlalchemy.orm import Session

from bookroom_desk import __version__
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.common.progress import Progress
from bookroom_desk.services.reporting import breakdowns as breakdowns_service
from bookroom_desk.services.reporting import filing_sheets, filing_sources
from bookroom_desk.services.reporting import indicators as indicators_service
from bookroom_desk.services.reporting.filing_format import (
    FORMAT_VERSION,
    KEYWORDS,
    PROFILE_KEYS,
    PROGRAM,
    PROP_END,
    PROP_FORMAT,
    PROP_LENT_COPIES,
    PROP_PROGRAM,
    PROP_ROOM,
    PROP_START,
    PROP_VERSION,
    UNNAMED_ROOM,
    ReturnData,
    safe_file_part,
)
from bookroom_desk.services.reporting.period_facts import period_facts
from bookroom_desk.services.roomwork.profile import FIELDS, get_profile
from bookroom_desk.services.xlsx.workbook import save_workbook


def profile_rows(session: Session) -> list[tuple[str, object]]:
    """The profile block: numbers as numbers, the nameplate as 有/无, blanks as None."""
    profile = get_profile(session)
    rows = []
    for key in PROFILE_KEYS:
        value = getattr(profile, key)
        if key == "nameplate":
            value = "有" if value else "无"
        elif key == "area_m2" and value is not None:
            value = float(value)
        elif value == "":
            value = None
        rows.append((FIELDS[key], value))
    return rows


def collect(session: Session, period: Period, progress: Progress | None = None) -> ReturnData:
    """The figures of the return (and of the dashboard, which shows the same ones)."""
    step = progress or (lambda done, total: None)
    step(0, 4)
    facts = period_facts(session, period)
    figures = indicators_service.compute(session, period, facts)
    step(1, 4)
    parts = breakdowns_service.breakdowns(session, period, facts=facts)
    step(2, 4)
    stocktake = filing_sources.last_stocktake(session, period.end, with_copies=True)
    activities = filing_sources.activities_in(session, period)
    checks = filing_sources.self_check(session, period, facts)
    step(3, 4)
    profile = get_profile(session)
    name = profile.name.strip()
    signatures = {key: text for key in ("workplace", "union_name", "contact", "phone")
                  if (text := (getattr(profile, key) or "").strip())}
    if "workplace" not in signatures and "union_name" in signatures:
        signatures["workplace"] = signatures["union_name"]  # 填报单位: the workplace, else the room's union
    return ReturnData(period, name or UNNAMED_ROOM, profile_rows(session), figures, parts, activities, stocktake,
                      checks, signatures)


def default_file_name(room: str, period: Period) -> str:
    """<书屋名称>_<期间>_统计报表.xlsx, with characters no file system takes replaced."""
    return f"{safe_file_part(room.strip() or UNNAMED_ROOM)}_{safe_file_part(period.label)}_统计报表.xlsx"


def target_path(output: Path | str, room: str, period: Period) -> Path:
    """``output`` itself, or the default file name inside it when it is a folder."""
    path = Path(output)
    return path / default_file_name(room, period) if path.is_dir() else path


def write_return(session: Session, period: Period, output: Path | str, progress: Progress | None = None,
                 appendix: bool = True) -> Path:
    """Build the return of ``period`` and save it (atomically) at ``output`` (a file or a folder); ``appendix``:
    with the list of every new copy (附表新增图书清单) after the sheets."""
    step = progress or (lambda done, total: None)
    data = collect(session, period, lambda done, total: step(done, 10))
    data.appendix = appendix
    workbook = Workbook(write_only=True)
    set_properties(workbook, data)
    filing_sheets.write_sheets(workbook, session, data, lambda done, total: step(4 + done * 5 // max(total, 1), 10))
    path = save_workbook(workbook, target_path(output, data.room, period))
    step(10, 10)
    return path


def set_properties(workbook: Workbook, data: ReturnData) -> None:
    """Program, version and format version in the document properties (custom ones and keywords)."""
    props = workbook.properties
    props.title = data.heading
    props.subject = "职工书屋统计报表"
    props.creator = f"{PROGRAM} {__version__}"
    props.keywords = KEYWORDS
    props.description = f"{PROGRAM} {__version__}; return format {FORMAT_VERSION}; {data.period.dates_text}"
    custom = workbook.custom_doc_props
    custom.append(IntProperty(name=PROP_FORMAT, value=FORMAT_VERSION))
    custom.append(StringProperty(name=PROP_PROGRAM, value=PROGRAM))
    custom.append(StringProperty(name=PROP_VERSION, value=__version__))
    custom.append(StringProperty(name=PROP_START, value=data.period.start.isoformat()))
    custom.append(StringProperty(name=PROP_END, value=data.period.end.isoformat()))
    custom.append(StringProperty(name=PROP_ROOM, value=data.room))
    custom.append(IntProperty(name=PROP_LENT_COPIES, value=int(data.indicators.lent_copies)))
