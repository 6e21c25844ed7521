"""Spreadsheet files: writing workbooks, streaming big sheets, reading workbooks and CSV tables."""
