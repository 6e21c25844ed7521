"""Every file the program writes is written whole or not at all: under a temporary name beside it, renamed when whole.

:func:`atomic_write` gives the temporary path (``~<name>.<random>.partial`` in the target's folder) and
renames it over the target with ``os.replace`` only when the writer finished; on any failure the
partial file is removed and a storage fault (disk full, no permission, read-only) becomes one
:class:`WriteFailed` a volunteer can read. :func:`sweep` removes what a killed program left behind.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from bookroom_desk.errors import BookroomError, InvalidInput
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

PARTIAL = ".partial"
#: Left-overs of a write that never finished: this module's partial files and those of older versions
#: (``<name>.partial``, openpyxl's ``tmpXXXXXXXX.xlsx``, a restore's ``<db>.restoring``), and scratch folders.
LEFTOVER_FILE = re.compile(r"^(?:.+\.partial|tmp[a-z0-9_]{8}\.xlsx|.+\.restoring)$")
#: Scratch folders: a backup's or a restore's (``bookroom-…``), and a restore trial's ``<db>-XXXXXXXX.restoring``.
LEFTOVER_FOLDER = re.compile(r"^(?:bookroom-(?:backup|restore)-[a-z0-9_]{8}|.+-[a-z0-9_]{8}\.restoring)$")
#: A left-over is swept only when older than this (seconds): another process may still be writing a fresh one.
STALE_AFTER = 3600

DISK_FULL = QT_TRANSLATE_NOOP(
    "BookroomError", "磁盘已满，“{path}”没有写成（写了一半的文件已删除，原有的文件不变）。请清理磁盘空间后再试。")
NO_PERMISSION = QT_TRANSLATE_NOOP(
    "BookroomError", "没有权限写入“{path}”（文件可能正被别的程序打开，或文件夹不允许写入），什么也没有改动。")
READ_ONLY = QT_TRANSLATE_NOOP("BookroomError", "“{path}”所在的磁盘只能读、不能写，什么也没有改动。")
NOT_WRITTEN = QT_TRANSLATE_NOOP("BookroomError", "无法写入“{path}”：{detail}（写了一半的文件已删除）。")
DISK_FULL_UNNAMED = QT_TRANSLATE_NOOP("BookroomError", "磁盘已满，这次操作没有完成。请清理磁盘空间后再试。")
NOT_DONE = QT_TRANSLATE_NOOP("BookroomError", "读写文件时出错，这次操作没有完成：{detail}")
NO_FOLDER = QT_TRANSLATE_NOOP(
    "BookroomError", "文件夹“{folder}”不存在，“{name}”没有保存，也没有新建这个文件夹。请先建好文件夹，或另选一个已有的文件夹。")
WRONG_SUFFIX = QT_TRANSLATE_NOOP(
    "BookroomError", "“{name}”的扩展名不对：这里写出的是 {suffixes} 文件，请用以 {suffixes} 结尾的文件名。什么也没有写入。")

#: What the operating system's error numbers mean, in the volunteer's words (the system's own are English only).
OS_ERRORS = "os_errors"
_NO_SUCH_FILE = QT_TRANSLATE_NOOP("os_errors", "没有这个文件或文件夹")
_NO_PERMISSION = QT_TRANSLATE_NOOP("os_errors", "没有权限（文件可能正被别的程序打开，或不允许这样读写）")
_FULL = QT_TRANSLATE_NOOP("os_errors", "磁盘已满")
_OS_TEXTS = {
    errno.ENOENT: _NO_SUCH_FILE,
    errno.EACCES: _NO_PERMISSION,
    errno.EPERM: _NO_PERMISSION,
    errno.ENOSPC: _FULL,
    getattr(errno, "EDQUOT", errno.ENOSPC): _FULL,
    errno.EFBIG: QT_TRANSLATE_NOOP("os_errors", "文件太大，这个磁盘放不下"),
    errno.EISDIR: QT_TRANSLATE_NOOP("os_errors", "这是一个文件夹，不是文件"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("os_errors", "路径中有一部分不是文件夹"),
    errno.EROFS: QT_TRANSLATE_NOOP("os_errors", "磁盘只能读、不能写"),
    errno.EEXIST: QT_TRANSLATE_NOOP("os_errors", "已有同名的文件或文件夹"),
    errno.EBUSY: QT_TRANSLATE_NOOP("os_errors", "文件正被占用（可能正被别的程序使用）"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("os_errors", "文件名或路径太长"),
    errno.EIO: QT_TRANSLATE_NOOP("os_errors", "读写磁盘时出错（磁盘或U盘可能有故障）"),
}

_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
SQLITE_FULL = 13
SQLITE_IO = {8, 10, 14}  # SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN


class WriteFailed(BookroomError):
    """A file could not be written (disk full, no permission, …); nothing half-written was left."""


class FolderMissing(WriteFailed):
    """The folder a file was to be saved in does not exist (and was not created)."""


class WrongSuffix(InvalidInput):
    """A file's name does not end in the suffix of what would be written into it."""


def require_folder(path: Path | str) -> None:
    """Refuse, naming the folder, a file whose folder does not exist; the folder is never created here."""
    target = Path(path)
    if not target.parent.is_dir():
        raise FolderMissing(NO_FOLDER, folder=str(target.parent), name=target.name)


def require_suffix(path: Path | str, suffixes: tuple[str, ...]) -> None:
    """Refuse a file name whose suffix (any case) is not one of ``suffixes`` (given lower case, with the dot)."""
    target = Path(path)
    if target.suffix.lower() not in suffixes:
        raise WrongSuffix(WRONG_SUFFIX, name=target.name, suffixes="/".join(suffixes))


def is_disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` says the disk (or the quota) is full: an OSError, or SQLite's SQLITE_FULL."""
    if isinstance(exc, OSError):
        return exc.errno in _FULL_ERRNOS
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        return (code is not None and code & 0xFF == SQLITE_FULL) or "disk is full" in str(exc)
    return False


def os_error_text(exc: BaseException) -> str:
    """What went wrong in ``exc``, in the chosen language: the common error numbers in the program's own
    words, any other in the system's (``strerror``), else the exception's text. Never names the file."""
    number = getattr(exc, "errno", None)
    if isinstance(exc, OSError) and number in _OS_TEXTS:
        return translate(OS_ERRORS, _OS_TEXTS[number])
    return getattr(exc, "strerror", None) or str(exc)


def storage_error(exc: BaseException, path: Path | str) -> WriteFailed | None:
    """The readable error for a fault writing ``path``, or None when ``exc`` is not a storage fault (a bug)."""
    if is_disk_full(exc):
        return WriteFailed(DISK_FULL, path=str(path))
    if isinstance(exc, PermissionError):
        return WriteFailed(NO_PERMISSION, path=str(path))
    if isinstance(exc, OSError) and exc.errno == errno.EROFS:
        return WriteFailed(READ_ONLY, path=str(path))
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(exc, OSError) or (isinstance(exc, sqlite3.Error) and code is not None and code & 0xFF in SQLITE_IO):
        return WriteFailed(NOT_WRITTEN, path=str(path), detail=os_error_text(exc))
    return None


def _umask() -> int:
    """This process's umask (read by setting it and putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def temporary_beside(target: Path) -> Path:
    """A new, empty file in ``target``'s folder whose name marks it as partial."""
    handle, name = tempfile.mkstemp(prefix=f"~{target.name[:80]}.", suffix=PARTIAL, dir=target.parent)
    os.close(handle)
    with suppress(OSError):  # mkstemp's file is private (0600); the file replaced keeps its mode, a new one the umask's
        os.chmod(name, target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask())
    return Path(name)


@contextmanager
def atomic_write(path: Path | str, *, make_folder: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block ends normally it replaces ``path`` whole.

    A missing folder is refused (:class:`FolderMissing`, nothing created): the user named it, and a typo
    must not leave new folders behind. The program's own folders (backups, …) pass ``make_folder``.
    The writer may open the temporary path itself (a workbook, a PDF writer, SQLite). On any failure
    the temporary file is removed, the target is left as it was, and an OSError or a SQLite storage
    fault is raised as :class:`WriteFailed` naming ``path``.
    """
    target = Path(path)
    if not make_folder:
        require_folder(target)
    try:
        if make_folder:
            target.parent.mkdir(parents=True, exist_ok=True)
        sweep_folder(target.parent, target.name)
        temporary = temporary_beside(target)
    except OSError as exc:
        raise _readable(exc, target) from exc
    try:
        yield temporary
        _flush_to_disk(temporary)
        os.replace(temporary, target)
    except BaseException as exc:
        with suppress(OSError):
            temporary.unlink(missing_ok=True)
        error = storage_error(exc, target) if not isinstance(exc, BookroomError) else None
        if error is not None:
            raise error from exc
        raise


def _readable(exc: OSError, target: Path) -> WriteFailed:
    error = storage_error(exc, target)
    assert error is not None  # every OSError is a storage fault here
    return error


def _flush_to_disk(path: Path) -> None:
    """The bytes on the disk before the rename, so a power cut cannot leave a renamed but empty file."""
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def sweep_folder(folder: Path, name: str | None = None, *, older_than: float = STALE_AFTER) -> list[Path]:
    """Remove the left-overs of unfinished writes in ``folder`` (only those for ``name`` when given); returns them.

    Only left-overs not touched for ``older_than`` seconds go, so a write under way in another process stays.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    limit = time.time() - older_than
    for entry in entries:
        if name is not None and not entry.name.startswith(f"~{name[:80]}."):
            continue
        try:
            if entry.stat(follow_symlinks=False).st_mtime > limit:
                continue
            if entry.is_file(follow_symlinks=False) and LEFTOVER_FILE.match(entry.name):
                os.unlink(entry.path)
            elif entry.is_dir(follow_symlinks=False) and LEFTOVER_FOLDER.match(entry.name) and name is None:
                shutil.rmtree(entry.path)
            else:
                continue
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def sweep(folders) -> list[Path]:
    """Sweep each of ``folders`` (see :func:`sweep_folder`); what was removed."""
    return [path for folder in folders for path in sweep_folder(Path(folder))]
