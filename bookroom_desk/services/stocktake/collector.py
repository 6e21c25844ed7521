"""A data collector's file (一行一个条码): read, checked whole, then recorded as one stocktake's scans."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bookroom_desk.errors import Conflict, ImportRejected, InvalidInput
from bookroom_desk.files import os_error_text
from bookroom_desk.services.common import clock
from bookroom_desk.services.common.barcodes import ScanKind, Scheme, normalize
from bookroom_desk.services.common.progress import Progress
from bookroom_desk.services.common.repeats import fingerprint
from bookroom_desk.services.stocktake.counting import CONTEXT, in_scope, require_open, scan
from bookroom_desk.services.xlsx.csv_text import decode_text
from bookroom_desk.services.xlsx.problems import RowProblem
from bookroom_desk.store.models import Shelf
from bookroom_desk.store.models_stocktake import Stocktake, StocktakeFile
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

LOADED_BEFORE = QT_TRANSLATE_NOOP(
    "BookroomError", "这些扫描已在 {date} 由 {by} 从盘点机文件“{file}”载入过这次盘点（{scans} 条）。"
    "再载入一次，每条都会再记一遍（算作重复扫描）。")


class FileLoadedBefore(Conflict):
    """The same lines were loaded into this stocktake before (``earlier``); loading them again records them twice."""

    def __init__(self, earlier: StocktakeFile) -> None:
        super().__init__(LOADED_BEFORE, date=f"{earlier.loaded_at:%Y-%m-%d %H:%M}", by=earlier.loaded_by,
                         file=earlier.file_name, scans=earlier.scans)
        self.file_id = earlier.id


@dataclass
class LoadSummary:
    """What loading a file did: scans recorded, of which each kind, and the shelves named."""

    lines: int = 0
    recorded: int = 0
    kinds: dict[str, int] = field(default_factory=dict)


def file_codes(text: str) -> list[tuple[int, str]]:
    """(line number, code) of each non-blank line; a line 'code,date time' keeps its first field."""
    codes = []
    for number, line in enumerate(text.splitlines(), start=1):
        first = line.replace("\t", ",").replace(";", ",").split(",")[0].strip()
        if normalize(first):
            codes.append((number, first))
    return codes


def check_file(session: Session, stocktake: Stocktake, codes: list[tuple[int, str]], scheme: Scheme) -> None:
    """Reject the whole file, with every bad line, before anything is recorded."""
    problems: list[RowProblem] = []
    shelf_known = False
    shelves = {code: shelf_id for code, shelf_id in session.execute(select(Shelf.code, Shelf.id))}
    column = translate(CONTEXT, QT_TRANSLATE_NOOP("stocktake", "条码"))
    for line, raw in codes:
        read = scheme.classify(raw)
        if read.kind is ScanKind.SHELF:
            shelf_id = shelves.get(read.code)
            if shelf_id is None:
                problems.append(RowProblem(line, column, QT_TRANSLATE_NOOP("BookroomError", "没有编号为 {code} 的书架。"),
                                           {"code": read.code}))
            elif not in_scope(session, stocktake, shelf_id):
                problems.append(RowProblem(line, column, QT_TRANSLATE_NOOP("BookroomError", "书架 {code} 不在这次盘点的范围内。"),
                                           {"code": read.code}))
            shelf_known = True
        elif read.kind is ScanKind.READER:
            problems.append(RowProblem(line, column, QT_TRANSLATE_NOOP("BookroomError", "{code} 是读者证，不是图书条码。"),
                                       {"code": read.code}))
        elif read.kind is ScanKind.ISBN:
            problems.append(RowProblem(line, column, QT_TRANSLATE_NOOP("BookroomError", "{code} 是封底的 ISBN，不是图书条码。"),
                                       {"code": read.code}))
        elif not shelf_known:
            problems.append(RowProblem(line, column, QT_TRANSLATE_NOOP(
                "BookroomError", "{code} 之前没有书架标签：文件应从书架标签开始，每个书架先扫标签再扫图书。"),
                {"code": read.code}))
            shelf_known = True  # one such problem is enough to say it
    if problems:
        raise ImportRejected(problems)


def load_codes(session: Session, stocktake_id: int, text: str, *, actor: str,
               progress: Progress | None = None) -> LoadSummary:
    """Load a data collector's scans (one code a line, shelf labels included) as one unit of work."""
    stocktake = require_open(session, stocktake_id)
    scheme = Scheme.load(session)
    codes = file_codes(text)
    if not codes:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "文件中没有条码。"))
    check_file(session, stocktake, codes, scheme)
    summary = LoadSummary(lines=len(codes))
    for done, (_line, raw) in enumerate(codes, start=1):
        outcome = scan(session, stocktake_id, raw, actor=actor, source="file", scheme=scheme)
        summary.recorded += outcome.recorded
        summary.kinds[outcome.kind] = summary.kinds.get(outcome.kind, 0) + 1
        if progress and done % 200 == 0:
            progress(done, len(codes))
    return summary


def file_digest(text: str) -> str:
    """A digest of a collector file's non-blank lines: the same file saved again (another encoding, other
    line endings, another name) gives the same one; the lines are kept whole, times of scanning included."""
    return fingerprint((line,) for line in text.splitlines())


def earlier_load(session: Session, stocktake_id: int, digest: str) -> StocktakeFile | None:
    """The latest file of the same lines loaded into this stocktake, or None."""
    return session.scalars(select(StocktakeFile).where(StocktakeFile.stocktake_id == stocktake_id,
                                                       StocktakeFile.content_hash == digest)
                           .order_by(StocktakeFile.id.desc()).limit(1)).first()


def load_file(session: Session, stocktake_id: int, path: Path | str, *, actor: str,
              progress: Progress | None = None, again: bool = False) -> LoadSummary:
    """Load a data collector's text file into the open stocktake, all of it or nothing, and record it.

    A file whose lines were loaded into this stocktake before raises :class:`FileLoadedBefore` unless
    ``again``: every line would be recorded a second time.
    """
    text = collector_text(path)
    require_open(session, stocktake_id)
    digest = file_digest(text)
    if not again and (earlier := earlier_load(session, stocktake_id, digest)) is not None:
        raise FileLoadedBefore(earlier)
    summary = load_codes(session, stocktake_id, text, actor=actor, progress=progress)
    session.add(StocktakeFile(stocktake_id=stocktake_id, file_name=Path(path).name[:255], content_hash=digest,
                              scans=summary.recorded, loaded_at=clock.now(), loaded_by=actor))
    session.flush()
    return summary


def collector_text(path: Path | str) -> str:
    """A data collector's file as text, or a refusal in the collector's own words (not a workbook's)."""
    name = Path(path).name
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "无法打开数据采集器文件“{name}”：{detail}"),
                           name=name, detail=os_error_text(exc)) from exc
    try:
        return decode_text(data, name)
    except InvalidInput as exc:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "BookroomError", "无法读取数据采集器文件“{name}”：它应是每行一个条码的文本文件（UTF-8 或 GBK 编码）。"),
            name=name) from exc
