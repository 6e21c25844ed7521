"""Activity photos: copied into the room's data folder, with thumbnails, removed with their activity.

Where photos live: beside the database they belong to, so a room's records stay together and a
backup of the folder carries them. For a SQLite file that is ``<folder of the .db>/photos``
(for the default database, the user data folder); for a server database (PostgreSQL) it is
``<user data folder>/photos``. ``ActivityPhoto.path`` is stored relative to that *base*
folder, always with forward slashes: ``photos/<activity id>/<file>``. Thumbnails are kept in
``photos/<activity id>/thumbs/`` and can always be rebuilt from the photo.
"""

from __future__ import annotations

import re
import shutil
import uuid
from pathlib import Path, PurePosixPath

from PIL import Image, UnidentifiedImageError
from sqlalchemy import select
from sqlalchemy.orm import Session

from bookroom_desk import config, files
from bookroom_desk.errors import InvalidInput, NotFound
from bookroom_desk.services.common import clock
from bookroom_desk.services.roomwork import checks
from bookroom_desk.services.roomwork.activities import get_activity
from bookroom_desk.store.models_roomwork import ActivityPhoto
from bookroom_desk.text import QT_TRANSLATE_NOOP

PHOTOS = "photos"
THUMBS = "thumbs"
THUMB_SIZE = 240  # pixels, the longer side
MAX_BYTES = 40 * 1024 * 1024
_CAPTION = QT_TRANSLATE_NOOP("roomwork", "照片说明")
SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp")


def base_folder(database_path: Path | None) -> Path:
    """The folder photo paths are relative to: beside a SQLite file, else the user data folder."""
    if database_path is not None:
        return Path(database_path).resolve().parent
    return config.user_data_dir()


def photos_folder(base: Path) -> Path:
    """The folder holding every photo of the room (what a backup must include)."""
    return base / PHOTOS


#: The only form of name this program stores: ``photos/<activity id>/<file>``, ASCII letters and digits.
_NAME = re.compile(r"photos/[0-9]{1,18}/[A-Za-z0-9_-]{1,64}\.(?:jpg|jpeg|png|bmp|gif|webp)")
#: Windows opens a device, not a file, for these names whatever their suffix.
_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}
OUTSIDE = QT_TRANSLATE_NOOP("BookroomError", "照片记录“{name}”不是照片文件夹里的文件名，已拒绝。")


def is_photo_name(name: object) -> bool:
    """Whether ``name`` has the form of a stored photo name (nothing read from the disk)."""
    return (isinstance(name, str) and _NAME.fullmatch(name) is not None
            and PurePosixPath(name).stem.upper() not in _DEVICES)


def _inside(root: Path, path: Path, name: str) -> Path:
    resolved = path.resolve()  # symlinks followed: a link inside the folder may point anywhere
    if resolved == root or not resolved.is_relative_to(root):
        raise InvalidInput(OUTSIDE, name=name[:200])
    return path


def photo_file(base: Path, name: str) -> Path:
    """The file a stored photo name stands for, inside ``base``'s photos folder; refuses any other (InvalidInput).

    Refused: any name not of the stored form (absolute, ``..``, backslashes, drive letters, other
    folders), and a name whose file or folder is a link leading out of the photos folder.
    """
    if not is_photo_name(name):
        raise InvalidInput(OUTSIDE, name=str(name)[:200])  # a row may hold any text, of any length
    return _inside(photos_folder(base).resolve(), base.joinpath(*name.split("/")), name)


def thumbnail_file(base: Path, relative: str) -> Path:
    photo = photo_file(base, relative)
    return _inside(photos_folder(base).resolve(), photo.parent / THUMBS / (photo.stem + ".jpg"), relative)


def file_or_none(base: Path, relative: str) -> Path | None:
    """:func:`photo_file`, or None for a refused name (for readers that skip what they may not touch)."""
    try:
        return photo_file(base, relative)
    except InvalidInput:
        return None


def _check_image(source: Path) -> str:
    """The suffix to store ``source`` under; refuses what is not a readable picture."""
    if not source.is_file():
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "找不到照片文件“{name}”。"), name=str(source))
    suffix = source.suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "“{name}”不是支持的照片格式（JPG、PNG、BMP、GIF、WEBP）。"),
                           name=source.name)
    if source.stat().st_size > MAX_BYTES:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "照片“{name}”太大（超过 40 MB）。"), name=source.name)
    try:
        with Image.open(source) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "“{name}”无法作为图片打开。"), name=source.name) from None
    return ".jpg" if suffix == ".jpeg" else suffix


def make_thumbnail(base: Path, relative: str) -> Path:
    """Write (or rewrite) the thumbnail of a stored photo and return its path."""
    target = thumbnail_file(base, relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    with Image.open(photo_file(base, relative)) as image:
        image.seek(0)
        picture = image.convert("RGB")
        picture.thumbnail((THUMB_SIZE, THUMB_SIZE))
        picture.save(target, "JPEG", quality=85)
    return target


def thumbnail(base: Path, relative: str) -> Path | None:
    """The thumbnail of a photo, rebuilt if missing (e.g. after a restore); None if the photo is gone."""
    photo = file_or_none(base, relative)
    if photo is None or not photo.is_file():
        return None
    try:
        target = thumbnail_file(base, relative)
        return target if target.is_file() else make_thumbnail(base, relative)
    except (OSError, ValueError, InvalidInput):
        return None


def add_photo(session: Session, base: Path, activity_id: int, source: Path, caption: str = "") -> ActivityPhoto:
    """Copy ``source`` into the activity's folder, make its thumbnail, and record it."""
    activity = get_activity(session, activity_id)
    caption = checks.limited_text(caption, "caption", _CAPTION, ActivityPhoto.caption)
    suffix = _check_image(Path(source))
    relative = f"{PHOTOS}/{activity.id}/{uuid.uuid4().hex[:12]}{suffix}"
    target = photo_file(base, relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    try:
        make_thumbnail(base, relative)
        photo = ActivityPhoto(activity_id=activity.id, path=relative, caption=caption, added_at=clock.now())
        session.add(photo)
        session.flush()
    except BaseException:
        discard(base, [relative])
        raise
    return photo


def set_caption(session: Session, photo_id: int, caption: str) -> ActivityPhoto:
    photo = _get(session, photo_id)
    photo.caption = checks.limited_text(caption, "caption", _CAPTION, ActivityPhoto.caption)
    return photo


def remove_photo(session: Session, photo_id: int) -> list[str]:
    """Delete a photo's row; returns its path for :func:`discard` once the change is committed."""
    photo = _get(session, photo_id)
    path = photo.path
    session.delete(photo)
    session.flush()
    return [path]


def photos_of(session: Session, activity_id: int) -> list[ActivityPhoto]:
    return list(session.scalars(select(ActivityPhoto).where(ActivityPhoto.activity_id == activity_id)
                                .order_by(ActivityPhoto.id)))


def discard(base: Path, relatives: list[str]) -> None:
    """Remove photo files and their thumbnails, and the activity folders left empty."""
    folders = set()
    for relative in relatives:
        try:
            photo, thumb = photo_file(base, relative), thumbnail_file(base, relative)
        except InvalidInput:
            continue  # never delete outside the photos folder, whatever a row says
        photo.unlink(missing_ok=True)
        thumb.unlink(missing_ok=True)
        folders.add(photo.parent)
    for folder in folders:
        for path in (folder / THUMBS, folder):
            try:
                path.rmdir()
            except OSError:
                pass  # not empty or already gone


def stored_files(session: Session, base: Path) -> list[Path]:
    """Every photo file the database refers to that exists (for backups and checks)."""
    found = (file_or_none(base, rel) for rel in session.scalars(select(ActivityPhoto.path)))
    return [p for p in found if p is not None and p.is_file()]


def _get(session: Session, photo_id: int) -> ActivityPhoto:
    photo = session.get(ActivityPhoto, photo_id)
    if photo is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "找不到这张照片（编号 {id}）。"), id=photo_id)
    return photo


def write_archive(session: Session, base: Path, target: Path) -> int:
    """Put every stored photo in a zip beside a backup (paths as stored); returns how many."""
    import zipfile

    count = 0
    with files.atomic_write(target, make_folder=True) as partial, \
            zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_STORED) as archive:  # JPEGs do not shrink
        for relative in session.scalars(select(ActivityPhoto.path).order_by(ActivityPhoto.id)):
            path = file_or_none(base, relative)
            if path is not None and path.is_file():
                archive.write(path, relative)
                count += 1
    return count


def restore_archive(source: Path, base: Path) -> int:
    """Unpack a photo archive into ``base`` (thumbnails are rebuilt on use); only photo names are taken."""
    import zipfile

    count = 0
    with zipfile.ZipFile(source) as archive:
        for member in archive.infolist():
            target = None if member.is_dir() else file_or_none(base, member.filename)
            if target is None:
                continue  # never write outside the photos folder, whatever the archive says
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(member) as data, open(target, "wb") as out:
                shutil.copyfileobj(data, out)
            count += 1
    return count
