"""CNMARC (UNIMARC as Chinese libraries use it) and MARC 21 records: reading, mapping to plain values, writing.

``reading`` turns ISO 2709 files and MARCXML into pymarc records, each bad record reported with its
number; ``mapping`` turns a record into a :class:`mapping.MarcRecord` and back; ``writing`` writes
CNMARC in ISO 2709 (UTF-8 or GB18030) and MARCXML. docs/marc.md says which fields are used.
"""
