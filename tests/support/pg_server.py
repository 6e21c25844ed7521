"""A private PostgreSQL server on loopback, started and stopped without pytest (the tests and the benchmarks use it).

The server lives in a temporary folder, listens on 127.0.0.1 only (on a free port) and accepts the
``bookroom`` user without a password. ``initdb`` refuses to run as root, so as root the server runs as
the ``postgres`` user (Debian's postgresql package creates it).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

#: Server settings that trade crash safety for speed: a test server holds nothing worth keeping.
FAST = ("-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100 "
        "-c shared_buffers=64MB")


class Unavailable(Exception):
    """No PostgreSQL server could be had; the message says why."""


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    runuser = shutil.which("runuser")
    if runuser is None:
        raise Unavailable("running as root without runuser: cannot start PostgreSQL as the postgres user")
    return [runuser, "-u", "postgres", "--", *command]


@dataclass
class LocalServer:
    """A throwaway PostgreSQL cluster in a temporary folder."""

    folder: Path
    bin_dir: Path
    port: int
    started: bool = False

    @classmethod
    def start(cls, settings: str = FAST, prefix: str = "bookroom-pg-") -> LocalServer:
        """Start a server with ``settings`` (``-c name=value`` options; the tests' FAST ones by default)."""
        bin_dir = _bin_dir()
        if bin_dir is None:
            raise Unavailable("PostgreSQL server programs (initdb) not found: apt-get install postgresql")
        if os.geteuid() == 0:
            try:
                import pwd

                pwd.getpwnam("postgres")
            except KeyError:
                raise Unavailable("running as root and there is no postgres user to run the server") from None
        folder = Path(tempfile.mkdtemp(prefix=prefix))
        server = cls(folder, bin_dir, _free_port())
        try:
            if os.geteuid() == 0:
                shutil.chown(folder, "postgres", "postgres")
            data = folder / "data"
            server._run([str(bin_dir / "initdb"), "-D", str(data), "-U", "bookroom", "--auth=trust",
                         "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"])
            server._run([str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-w",
                         "-t", "60", "-o", f"-c listen_addresses=127.0.0.1 -p {server.port} -k {folder} {settings}",
                         "start"])
            server.started = True
        except BaseException:
            server.stop()
            raise
        return server

    def _run(self, command: list[str]) -> None:
        result = subprocess.run(_as_server_user(command), capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-800:] if log.exists() else ""
            raise Unavailable(f"{Path(command[0]).name} failed: {(result.stderr or result.stdout).strip()[-800:]} {tail}")

    @property
    def admin_url(self) -> str:
        return f"postgresql+psycopg://bookroom@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        if self.started:
            subprocess.run(_as_server_user([str(self.bin_dir / "pg_ctl"), "-D", str(self.folder / "data"),
                                            "-m", "immediate", "-w", "stop"]), capture_output=True, timeout=60)
            self.started = False
        shutil.rmtree(self.folder, ignore_errors=True)
