"""The published catalogue: a static site a worker opens from a file, a USB stick or the intranet's web server.

``publish_catalogue(db, DIR)`` writes into DIR::

    index.html, app.js, style.css        the page (package data, resources/site/), the same for every room
    bookroom-catalogue.json              the manifest: what this folder is (an earlier publication is
                                         recognised by it and may be replaced; any other folder is refused)
    data/front.js                        what the first screen shows: the room's name, the date published,
                                         the classes and kinds with their counts, new arrivals, the shards
    data/shard-NNN.js                    the titles in shelf order, SHARD_SIZE a file, loaded when needed

Chromium refuses fetch() and XHR from file://, so every data file is a script calling a global loader
(``bookroomFront(...)``, ``bookroomShard(n, ...)``), added by a ``<script src>`` when the page needs it.

A title is published when it has held copies (neither withdrawn nor lost), with its call number, the shelf
most of them stand on and how many are on the shelf (在架) at the moment of publishing. Its search key is
the desk's own ``Title.search_text`` (computed the same way for a title not keyed yet) without the
marked Chinese pairs, which a substring search in the page does not need: a word matches exactly when it
matches at the desk. Nothing of a reader is read: no reader, loan or phone can reach the files.

New arrivals are the titles whose held copies came in the NEW_DAYS days up to the publishing day
(services.publishing.new_books), at most NEW_LIMIT of them.

The site is written into a temporary folder beside DIR and swapped in whole, so a failed publication
leaves the earlier one as it was.
"""

from __future__ import annotations

import datetime as dt
import glob
import gzip
import json
import os
import re
import shutil
import tempfile
import time
from collections import Counter
from contextlib import suppress
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bookroom_desk import __version__
from bookroom_desk.config import RESOURCES_DIR
from bookroom_desk.errors import Refused
from bookroom_desk.files import STALE_AFTER, FolderMissing, storage_error
from bookroom_desk.services.catalogue.clc import top_classes
from bookroom_desk.services.catalogue.search import search_text
from bookroom_desk.services.common import clock
from bookroom_desk.services.common.progress import Progress
from bookroom_desk.services.common.vocab import AVAILABLE, NOT_HOLDINGS, TOPICS
from bookroom_desk.services.publishing.new_books import commonest, new_books, shelf_label
from bookroom_desk.services.roomwork.profile import room_name
from bookroom_desk.store.database import Database
from bookroom_desk.store.models import Copy, Shelf, Title
from bookroom_desk.text import QT_TRANSLATE_NOOP

SITE_DIR = RESOURCES_DIR / "site"
#: The page's own files, copied as they are.
ASSETS = ("index.html", "app.js", "style.css")
MANIFEST = "bookroom-catalogue.json"
FORMAT = "bookroom-catalogue"
FORMAT_VERSION = 1
#: Titles in one data file: at 100,000 titles 50 files of about 400 KB, each parsed in a few milliseconds.
SHARD_SIZE = 2000
#: New arrivals: the last NEW_DAYS days up to the publishing day, at most NEW_LIMIT titles.
NEW_DAYS = 90
NEW_LIMIT = 200
#: The files a gzip copy is written beside (_precompress).
COMPRESSED = (".html", ".js", ".css")

#: The last line of a search text when it lists the Chinese pairs (search_index.cjk_pairs: '红楼|楼梦|').
_PAIRS = re.compile(r"(?:[^\x00-\u052f|\n]{2}\|)+")

NOT_A_PUBLICATION = QT_TRANSLATE_NOOP(
    "BookroomError",
    "文件夹“{path}”里已有别的文件，不是以前发布的书目。为免覆盖，什么也没有写入。请选一个空文件夹或新文件夹。")
NOT_A_FOLDER = QT_TRANSLATE_NOOP(
    "BookroomError", "“{path}”是一个文件，不是文件夹，什么也没有写入。")
NO_PARENT = QT_TRANSLATE_NOOP(
    "BookroomError", "文件夹“{folder}”不存在，什么也没有写入，也没有新建这个文件夹。请先建好它，或另选一个已有的文件夹。")


@dataclass(frozen=True)
class PublishResult:
    titles: int  # titles published (those with held copies)
    copies: int  # held copies among them
    on_shelf: int  # of those, on the shelf (在架) at publishing
    new_titles: int  # titles in the new-arrivals section
    files: int  # files written
    bytes_total: int
    bytes_first_screen: int  # index.html, app.js, style.css and data/front.js: what the first screen loads
    index: Path  # DIR/index.html
    published_at: dt.datetime
    url: str | None


def is_publication(folder: Path) -> bool:
    """Whether ``folder`` holds a catalogue published by this program (its manifest says so)."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("format") == FORMAT


def check_target(target: Path) -> None:
    """Refuse, before any work, a target that is a file, has no parent folder, or holds something else."""
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise Refused(NOT_A_FOLDER, path=str(target))
    if not target.parent.is_dir():
        raise FolderMissing(NO_PARENT, folder=str(target.parent))
    if target.is_dir() and any(target.iterdir()) and not is_publication(target):
        raise Refused(NOT_A_PUBLICATION, path=str(target))


def script_json(value) -> str:
    """``value`` as JSON that is safe inside a script file and an HTML page: no ``<``, ``>``, ``&``, U+2028/9."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _key(shown: tuple[str, str, str], stored: str, fields: tuple) -> tuple[int, str]:
    """The search key without the Chinese pairs, and which of title, author, publisher it starts with.

    Those leading parts are left out when they are the shown text itself (bit 1 title, 2 author,
    4 publisher): the page puts them back, joined by newlines, so its search text is the desk's.
    """
    text = stored or search_text(*fields)
    body, _, last = text.rpartition("\n")
    if body and _PAIRS.fullmatch(last):
        text = body
    flags = 0
    for bit, value in zip((1, 2, 4), shown):
        if not value:
            continue
        if text == value:
            return flags | bit, ""
        if not text.startswith(value + "\n"):
            break
        flags |= bit
        text = text[len(value) + 1:]
    return flags, text


def _class_letter(clc: str) -> str:
    letter = (clc or "")[:1].upper()
    return letter if letter in _class_codes() else ""


@cache
def _class_codes() -> frozenset[str]:
    return frozenset(c.code for c in top_classes())


def _read_room(session: Session):
    """The published titles in shelf order, with counts; one pass over copies, one over titles."""
    held: dict[int, tuple[int, int, str]] = {}  # title id -> (held copies, on the shelf, the commonest shelf)
    copies = select(Copy.title_id, Copy.status, shelf_label()).outerjoin(Shelf, Shelf.id == Copy.shelf_id) \
        .where(Copy.status.not_in(NOT_HOLDINGS)).order_by(Copy.title_id).execution_options(yield_per=5000)
    shelves: Counter[str] = Counter()
    current, count, available = None, 0, 0
    for title_id, status, shelf in session.execute(copies):
        if title_id != current:
            if current is not None:
                held[current] = (count, available, commonest(shelves))
            current, count, available, shelves = title_id, 0, 0, Counter()
        count += 1
        available += status == AVAILABLE
        if shelf:
            shelves[shelf] += 1
    if current is not None:
        held[current] = (count, available, commonest(shelves))
    columns = (Title.id, Title.title, Title.author, Title.publisher, Title.pub_year, Title.isbn, Title.clc,
               Title.call_number, Title.topic, Title.series, Title.subjects, Title.pinyin, Title.search_text)
    rows = []
    titles = select(*columns).order_by(Title.shelf_key, Title.id).execution_options(yield_per=5000)
    for (title_id, title, author, publisher, year, isbn, clc, call_number, topic, series, subjects, pinyin,
         stored) in session.execute(titles):
        if title_id not in held:
            continue
        copies_held, on_shelf, shelf = held[title_id]
        fields = (title, author, publisher, isbn, clc, call_number, pinyin or None, series, subjects)
        flag, key = _key((title or "", author or "", publisher or ""), stored or "", fields)
        rows.append((title_id, title or "", author or "", publisher or "", year, isbn or "", call_number or "",
                     _class_letter(clc), topic if topic in TOPICS else "other",
                     shelf, on_shelf, copies_held, key, flag))
    return rows


def publish_catalogue(db: Database, target: Path, *, url: str | None = None,
                      progress: Progress | None = None) -> PublishResult:
    """Write the room's catalogue as a static site into ``target`` (a new or empty folder, or an earlier one).

    Raises Refused for a folder holding anything else (nothing is written) and WriteFailed for a storage
    fault (the earlier publication, if any, stays whole).
    """
    target = Path(target).expanduser()
    check_target(target)
    published_at = clock.now().replace(microsecond=0)
    today = published_at.date()
    with db.read() as session:
        name = room_name(session)
        rows = _read_room(session)
        arrivals = new_books(session, start=today - dt.timedelta(days=NEW_DAYS - 1), end=today, limit=None)
    arrivals.sort(key=lambda b: (-b.acquired_on.toordinal(), b.title_id))
    arrivals = arrivals[:NEW_LIMIT]
    shelf_names = sorted({row[9] for row in rows if row[9]})
    shelf_index = {name: i for i, name in enumerate(shelf_names)}
    topic_keys = list(TOPICS)
    topic_index = {key: i for i, key in enumerate(topic_keys)}
    by_id = {row[0]: row for row in rows}

    def record(r) -> list:
        """One title as the page reads it (app.js's F_ fields, in this order)."""
        return [r[1], r[2], r[3], r[4], r[5], r[6], r[7], topic_index[r[8]], shelf_index.get(r[9], -1),
                r[10], r[11], r[12], r[13]]

    shards = []
    total = len(rows)
    parts = max(1, -(-total // SHARD_SIZE)) if total else 0
    work = parts + 3  # the room read, each shard, the first screen's data, the swap
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, work)

    step()
    _sweep_leftovers(target)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.publishing-", dir=target.parent))
    try:
        (staging / "data").mkdir()
        for asset in ASSETS:
            shutil.copyfile(SITE_DIR / asset, staging / asset)
        for n in range(parts):
            chunk = rows[n * SHARD_SIZE:(n + 1) * SHARD_SIZE]
            records = [record(r) for r in chunk]
            (staging / "data" / f"shard-{n:03d}.js").write_text(
                f"bookroomShard({n},{script_json(records)});\n", encoding="utf-8")
            shards.append({"n": n, "count": len(chunk), "classes": "".join(sorted({r[7] or "_" for r in chunk})),
                           "topics": sorted({topic_index[r[8]] for r in chunk})})
            step()
        new_rows = [[*record(by_id[b.title_id]), b.acquired_on.isoformat()] for b in arrivals if b.title_id in by_id]
        class_counts = Counter(row[7] for row in rows)
        topic_counts = Counter(row[8] for row in rows)
        front = {
            "format": FORMAT, "version": FORMAT_VERSION, "room": name,
            "published": published_at.isoformat(sep=" "), "date": today.isoformat(), "url": url or "",
            "titles": total, "copies": sum(r[11] for r in rows), "onShelf": sum(r[10] for r in rows),
            "shardSize": SHARD_SIZE, "shards": shards, "shelves": shelf_names, "topics": topic_keys,
            "topicNames": [TOPICS[key] for key in topic_keys],
            "topicCounts": [topic_counts.get(key, 0) for key in topic_keys],
            "classes": [[c.code, c.name, c.name_en, class_counts.get(c.code, 0)] for c in top_classes()]
                       + [["_", "未分类", "Unclassified", class_counts.get("", 0)]],
            "newDays": NEW_DAYS,
            "newBooks": new_rows,
        }
        (staging / "data" / "front.js").write_text(f"bookroomFront({script_json(front)});\n", encoding="utf-8")
        _precompress(staging)
        step()
        written = sorted(p.relative_to(staging).as_posix() for p in staging.rglob("*") if p.is_file())
        manifest = {"format": FORMAT, "version": FORMAT_VERSION, "program": f"bookroom-desk {__version__}",
                    "published": published_at.isoformat(sep=" "), "url": url or "", "titles": total,
                    "files": [*written, MANIFEST]}
        (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        first = sum((staging / name).stat().st_size for name in (*ASSETS, "data/front.js"))
        size = sum(p.stat().st_size for p in staging.rglob("*") if p.is_file())
        _swap(staging, target)
        step()
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):
            raise storage_error(exc, target) or exc from exc
        raise
    return PublishResult(titles=total, copies=sum(r[11] for r in rows), on_shelf=sum(r[10] for r in rows),
                         new_titles=len(new_rows), files=len(written) + 1, bytes_total=size,
                         bytes_first_screen=first, index=target / "index.html", published_at=published_at,
                         url=url)


def _precompress(folder: Path) -> None:
    """A gzip copy beside each page file (``shard-000.js.gz``): a web server set to send them (nginx's
    ``gzip_static on``, see docs/publishing.md) sends a phone about a quarter of the bytes. From a file or a USB
    stick the browser reads the plain files."""
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in COMPRESSED:
            with path.open("rb") as plain, gzip.GzipFile(path.with_name(path.name + ".gz"), "wb", compresslevel=6,
                                                         mtime=0) as packed:
                shutil.copyfileobj(plain, packed)


def _sweep_leftovers(target: Path) -> None:
    """Remove what a publication killed on the way left beside ``target`` (its staging or previous folder)."""
    now = time.time()
    for kind in ("publishing", "previous"):
        for folder in target.parent.glob(f".{glob.escape(target.name)}.{kind}-*"):
            with suppress(OSError):
                if folder.is_dir() and now - folder.stat().st_mtime > STALE_AFTER:
                    shutil.rmtree(folder, ignore_errors=True)


def _swap(staging: Path, target: Path) -> None:
    """Put the staged site where ``target`` is; the earlier one is removed only once the new one is in place."""
    os.chmod(staging, 0o755)
    if not target.exists():
        os.replace(staging, target)
        return
    check_target(target)  # still an earlier publication or empty: nothing else moved in meanwhile
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.previous-", dir=target.parent))
    old.rmdir()
    os.replace(target, old)
    try:
        os.replace(staging, target)
    except BaseException:
        os.replace(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)
