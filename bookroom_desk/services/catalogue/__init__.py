"""Titles, copies and shelves: CLC classes and call numbers, search and its index, importing delivery lists,
the catalogue export, what labels print."""
