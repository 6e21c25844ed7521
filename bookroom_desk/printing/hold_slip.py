"""The hold slip (预约条): put in a copy kept for a hold, so the hold shelf says whose it is and until when.

Painted as the loan slip is (slip.Document and slip.paint), on the paper set for slips (settings.SLIP_PAGE:
an A5 sheet or a 58/80 mm receipt roll, as long as its lines). No widgets.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from sqlalchemy.orm import Session

from bookroom_desk.config import user_data_dir
from bookroom_desk.errors import NotFound, Refused
from bookroom_desk.printing import slip
from bookroom_desk.services.circulation import holds
from bookroom_desk.services.common import clock, settings
from bookroom_desk.services.roomwork.profile import room_name
from bookroom_desk.store.models_holds import Hold
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "slip"
NOT_READY = QT_TRANSLATE_NOOP("BookroomError", "预约 {id} 现在没有保留的书（{state}），没有预约条可打印。")


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


def notice_of(session: Session, hold_id: int) -> holds.HoldNotice:
    """The ready hold ``hold_id`` as the desk shows it; NotFound/Refused when there is no such hold or no copy kept."""
    hold = session.get(Hold, hold_id)
    if hold is None:
        raise NotFound(holds.NO_HOLD, id=hold_id)
    notice = holds.kept_notice(session, hold.copy_id) if hold.state == holds.READY and hold.copy_id else None
    if notice is None or notice.hold_id != hold_id:
        raise Refused(NOT_READY, id=hold_id, state=holds.state_label(hold.state))
    return notice


def hold_slip_document(session: Session, hold_id: int, paper: str = "a5") -> slip.Document:
    """Whose the kept copy is (name and card, department, phone), which copy, and the last day it waits."""
    notice = notice_of(session, hold_id)
    room = room_name(session) or _tr(QT_TRANSLATE_NOOP("slip", "职工书屋"))
    lines = [
        _tr(QT_TRANSLATE_NOOP("slip", "读者：{name}　证号：{card}")).format(name=notice.reader_name, card=notice.card),
        _tr(QT_TRANSLATE_NOOP("slip", "部门：{department}")).format(department=notice.department or "—"),
        _tr(QT_TRANSLATE_NOOP("slip", "电话：{phone}")).format(phone=notice.phone or "—"),
        _tr(QT_TRANSLATE_NOOP("slip", "打印时间：{when}")).format(when=clock.now().strftime("%Y-%m-%d %H:%M")),
    ]
    return slip.Document(
        heading=_tr(QT_TRANSLATE_NOOP("slip", "{room}预约条")).format(room=room), lines=lines,
        columns=[(_tr(QT_TRANSLATE_NOOP("slip", "书名")), 0.5), (_tr(QT_TRANSLATE_NOOP("slip", "条码")), 0.25),
                 (_tr(QT_TRANSLATE_NOOP("slip", "保留到")), 0.25)],
        rows=[([notice.title, notice.barcode, notice.expires_on.strftime("%Y-%m-%d")], False)],  # the copy kept
        footer=_tr(QT_TRANSLATE_NOOP("slip", "请放在预约架。过期未取，这一册留给下一位预约的读者或放回书架。")),
        page_size=QPageSize.PageSizeId.A5, roll=slip.ROLLS.get(paper))


def print_or_save_hold_slip(session: Session, hold_id: int) -> tuple[str, Path | None]:
    """Print the hold slip on the paper set for slips, on the default printer without asking; with no printer,
    save it as a PDF in the data folder's slips/ folder. Returns (printer name, or the PDF's path)."""
    doc = hold_slip_document(session, hold_id, settings.get(session, settings.SLIP_PAGE))
    info = QPrinterInfo.defaultPrinter()
    if not info.isNull() and info.printerName():
        slip.print_document(doc, QPrinter(info, QPrinter.PrinterMode.HighResolution))
        return info.printerName(), None
    folder = user_data_dir() / "slips"
    folder.mkdir(parents=True, exist_ok=True)
    card = notice_of(session, hold_id).card
    return "", slip.write_pdf(doc, folder / f"hold-{hold_id}-{card}-{clock.now():%Y%m%d-%H%M%S}.pdf")
