"""Inserting many rows quickly: on SQLite straight through the driver, elsewhere through SQLAlchemy Core."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from bookroom_desk.memo import remembered

#: Rows per executemany.
CHUNK = 5000


def batches(rows: Iterable[dict], size: int = CHUNK) -> Iterator[list[dict]]:
    """``rows`` in lists of ``size`` (built as they are consumed)."""
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def insert_rows(session: Session, table: Table, rows: Iterable[dict], *, ids: bool = False,
                chunk: int = CHUNK) -> list[int]:
    """Insert ``rows`` (dicts with the same keys, in any order) a chunk at a time; with ``ids``, their new ids in order.

    SQLAlchemy's executemany works out every row's parameters in Python (about 10 µs a row): on
    SQLite the rows go to the driver as tuples instead, each column's value converted the way its
    type stores it once per distinct value. SQLite runs a RETURNING insert row by row (the search
    triggers forbid batching it), so there the ids are given up front: the caller's write
    transaction holds the database's only write lock. Elsewhere the database hands them back in
    parameter order.
    """
    new_ids: list[int] = []
    dialect = session.get_bind().dialect
    if dialect.name != "sqlite":
        for batch in batches(rows, chunk):
            if ids:
                new_ids.extend(session.execute(
                    table.insert().returning(table.c.id, sort_by_parameter_order=True), batch).scalars())
            else:
                session.execute(table.insert(), batch)
        return new_ids
    next_id = (session.scalar(select(func.max(table.c.id))) or 0) + 1 if ids else 0  # read only with ids
    connection = session.connection()
    statement: str | None = None
    converters: list[Callable[[Any], Any] | None] = []
    defaults: dict[str, Any] | None = {}
    chunks = batches(rows, chunk)
    for batch in chunks:
        if statement is None:
            given = list(batch[0])
            defaults = _scalar_defaults(table, given)
            if defaults is None:  # a default worked out per row: SQLAlchemy's own path
                return _through_core(session, table, chain([batch], chunks), ids, next_id)
            given += list(defaults)
            names = (["id"] if ids else []) + given
            statement = "INSERT INTO {} ({}) VALUES ({})".format(
                table.name, ", ".join(f'"{name}"' for name in names), ", ".join("?" * len(names)))
            converters = [_converter(table.c[name].type, dialect) for name in given]
            values = itemgetter(*given) if len(given) > 1 else (lambda row, key=given[0]: (row[key],))
        if defaults:
            batch = [{**row, **defaults} for row in batch]
        if ids:
            params = [(next_id + n, *map(_apply, converters, values(row))) for n, row in enumerate(batch)]
            new_ids.extend(range(next_id, next_id + len(batch)))
            next_id += len(batch)
        else:
            params = [tuple(map(_apply, converters, values(row))) for row in batch]
        connection.exec_driver_sql(statement, params)
    return new_ids


def _scalar_defaults(table: Table, given: list[str]) -> dict[str, Any] | None:
    """The fixed Python-side defaults of the columns not given (None when one is worked out per row)."""
    defaults: dict[str, Any] = {}
    for column in table.columns:
        if column.name in given or column.name == "id" or column.default is None:
            continue
        if not isinstance(column.default, ScalarElementColumnDefault):  # what is_scalar means
            return None
        defaults[column.name] = column.default.arg
    return defaults


def _through_core(session: Session, table: Table, chunks: Iterable[list[dict]], ids: bool,
                  next_id: int) -> list[int]:
    """Insert with SQLAlchemy Core, giving ids up front as :func:`insert_rows` does on SQLite."""
    new_ids: list[int] = []
    for batch in chunks:
        if ids:
            batch = [{"id": next_id + n, **row} for n, row in enumerate(batch)]
            new_ids.extend(row["id"] for row in batch)
            next_id += len(batch)
        session.execute(table.insert(), batch)
    return new_ids


def _apply(convert: Callable[[Any], Any] | None, value: Any) -> Any:
    return value if convert is None or value is None else convert(value)


def _converter(column_type, dialect) -> Callable[[Any], Any] | None:
    """The type's bind conversion, remembered per value (a list repeats its dates, prices and times)."""
    process = column_type._cached_bind_processor(dialect)
    return None if process is None else remembered(process)
