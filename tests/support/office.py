"""LibreOffice in tests: convert a workbook to PDF (skipped, saying why, when soffice is missing)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None or shutil.which("pdfinfo") is None,
    reason="LibreOffice (soffice) or poppler-utils (pdfinfo) is not installed: the print check needs both")


def to_pdf(workbook: Path, tmp_path: Path) -> Path:
    """Convert with a private profile (parallel runs must not share one); generous timeout, soffice is slow."""
    profile = tmp_path / "lo-profile"
    out = tmp_path / "pdf"
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), str(workbook)], check=True, capture_output=True, timeout=240)
    pdf = out / (workbook.stem + ".pdf")
    assert pdf.exists(), f"LibreOffice wrote no PDF for {workbook.name}"
    return pdf


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page (pdftotext), and so their number."""
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    count = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    return [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"], check=True,
                           capture_output=True, text=True).stdout for n in range(1, count + 1)]


def page_size_points(pdf: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    line = next(line for line in info.splitlines() if line.startswith("Page size:"))
    parts = line.split()
    return float(parts[2]), float(parts[4])
