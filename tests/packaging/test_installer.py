"""The Windows installer script compiles (makensis, against a stand-in for the bundle folder)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from bookroom_desk import __version__

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(shutil.which("makensis") is None,
                       reason="needs makensis (apt-get install nsis); scripts/test.sh installs it"),
]

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "installer.nsi"


def stand_in_bundle(folder: Path) -> Path:
    """The shape of PyInstaller's Windows folder: two programs and their _internal folder."""
    (folder / "_internal" / "bookroom_desk").mkdir(parents=True)
    for name in ("BookroomDesk.exe", "bookroom-desk.exe"):
        (folder / name).write_bytes(b"MZ stand-in")
    (folder / "_internal" / "bookroom_desk" / "__init__.pyc").write_bytes(b"stand-in")
    return folder


def test_installer_script_compiles_without_warnings(tmp_path):
    bundle = stand_in_bundle(tmp_path / "bookroom-desk")
    installer = tmp_path / f"BookroomDesk-{__version__}-installer.exe"
    result = subprocess.run(
        ["makensis", "-V2", "-WX", f"-DVERSION={__version__}", f"-DBUNDLE={bundle}", f"-DOUTFILE={installer}",
         str(SCRIPT)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert installer.read_bytes()[:2] == b"MZ"  # a Windows program


def test_uninstaller_removes_only_the_programs_own_files():
    """The room's data lives in %LOCALAPPDATA%\\BookroomDesk, never deleted; no RMDir /r of the install folder."""
    uninstall = SCRIPT.read_text(encoding="utf-8").split('Section "Uninstall"', 1)[1]
    removals = [line.strip() for line in uninstall.splitlines() if line.strip().startswith(("RMDir", "Delete "))]
    assert 'RMDir /r "$INSTDIR"' not in removals
    assert all("LOCALAPPDATA\\${APP_ID}" not in line and "$APPDATA" not in line for line in removals)
    assert 'RMDir /r "$INSTDIR\\_internal"' in removals and 'RMDir "$INSTDIR"' in removals
