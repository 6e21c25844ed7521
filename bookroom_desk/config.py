"""Where things live on this PC, and which database to open."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from bookroom_desk import APP_NAME

#: Environment variables a user or a test may set.
ENV_DB = "BOOKROOM_DB"
ENV_DATA_DIR = "BOOKROOM_DATA_DIR"  # dev/test override of the user data folder

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
RESOURCES_DIR = PACKAGE_DIR / "resources"


def user_data_dir() -> Path:
    """The folder that holds the room's database, backups and photos."""
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_cache_dir() -> Path:
    """A folder for things the program can rebuild (compiled translations)."""
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override) / "cache" if override else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return user_data_dir() / "bookroom.db"


def backups_dir_for(database_path: Path) -> Path:
    """Backups sit in a `backups` folder beside the database file."""
    return database_path.parent / "backups"


def named_database_path(value: str | None) -> Path | None:
    """The file `--db` or BOOKROOM_DB names, when it is a path (not a URL); None when neither is given."""
    value = value or os.environ.get(ENV_DB)
    if not value or "://" in value:
        return None
    return Path(value).expanduser().resolve()


def resolve_database_url(value: str | None, *, create_folder: bool = True) -> str:
    """Turn `--db` (a path or a SQLAlchemy URL), BOOKROOM_DB, or nothing into a URL.

    ``create_folder`` makes the file's folder; commands that open an existing room pass False, so that a
    mistyped path creates nothing.
    """
    value = value or os.environ.get(ENV_DB) or str(default_database_path())
    if "://" in value:
        return value
    path = Path(value).expanduser().resolve()
    if create_folder:
        path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


#: Linux file systems that put a file on another computer (SQLite's locking is not safe there).
NETWORK_FILESYSTEMS = frozenset({"nfs", "nfs4", "cifs", "smbfs", "smb3", "sshfs", "fuse.sshfs", "9p", "afs",
                                 "ncpfs", "davfs", "fuse.davfs2"})
MOUNTS_FILE = Path("/proc/mounts")


def _mount_type(path: Path, mounts: Path) -> str | None:
    """The file system type of the mount that holds ``path`` (longest mount point prefix)."""
    try:
        lines = mounts.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    best, kind = -1, None
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = Path(fields[1].replace("\\040", " "))
        if (path == point or point in path.parents) and len(point.parts) > best:
            best, kind = len(point.parts), fields[2]
    return kind


def on_network_share(path: Path) -> bool:
    """Whether ``path`` lies on another computer: a UNC path or mapped network drive, or an NFS/SMB/SSHFS mount."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":  # as os.name == "nt", in a form mypy knows
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0]
        if drive:
            return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4  # DRIVE_REMOTE
        return False
    return _mount_type(path.resolve(), MOUNTS_FILE) in NETWORK_FILESYSTEMS
