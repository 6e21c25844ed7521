"""The published demo room, built once: its database and the site published from it (at the suite's fixed moment)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from bookroom_desk.services.common import clock
from bookroom_desk.services.publishing.catalogue_site import publish_catalogue
from bookroom_desk.services.upkeep.demo import build_demo
from bookroom_desk.store.migrate import open_database
from tests.conftest import NOW


@dataclass
class Site:
    """A published folder read back: the first screen's data and every title, in shelf order."""

    folder: Path
    front: dict
    rows: list

    @classmethod
    def read(cls, folder: Path) -> Site:
        front = _call(folder / "data" / "front.js", "bookroomFront(")
        rows: list = []
        for shard in front["shards"]:
            rows.extend(_call(folder / "data" / f"shard-{shard['n']:03d}.js", f"bookroomShard({shard['n']},"))
        return cls(folder, front, rows)


def _call(path: Path, opening: str):
    text = path.read_text(encoding="utf-8")
    assert text.startswith(opening) and text.endswith(");\n"), path
    return json.loads(text[len(opening):-3])


def hay(row: list) -> str:
    """What app.js searches for a row (its hay()): the key after the title, author and publisher it left out."""
    parts = [value for bit, value in ((1, row[0]), (2, row[1]), (4, row[2])) if row[12] & bit]
    return "\n".join(parts + ([row[11]] if row[11] else []))


@dataclass
class DemoSite:
    db_url: str
    site: Site


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> DemoSite:
    folder = tmp_path_factory.mktemp("demo-site")
    url = f"sqlite:///{folder / 'demo.db'}"
    clock.set_clock(clock.fixed(NOW))
    try:
        db = open_database(url)
        with db.write() as session:
            build_demo(session)
        publish_catalogue(db, folder / "site")
        db.dispose()
    finally:
        clock.set_clock(None)
    return DemoSite(url, Site.read(folder / "site"))
