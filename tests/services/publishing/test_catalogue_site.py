"""The published catalogue's files: what each title says, the shards, the manifest, refusing a folder that is not
an earlier publication, publishing again over one, an empty room, values escaped, and no reader anywhere."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from bookroom_desk.errors import Refused
from bookroom_desk.files import FolderMissing
from bookroom_desk.services.catalogue.search import matching_ids, words
from bookroom_desk.services.catalogue.shelf_order import shelf_key
from bookroom_desk.services.publishing import catalogue_site
from bookroom_desk.services.publishing.catalogue_site import MANIFEST, publish_catalogue, script_json
from bookroom_desk.services.roomwork.profile import update_profile
from bookroom_desk.store.migrate import open_database
from bookroom_desk.store.models import Reader, Shelf, Title
from tests.conftest import NOW
from tests.services.publishing.conftest import Site, hay
from tests.support.helpers import add_copy, add_reader, add_title

TODAY = NOW.date()


def _titled(session, name, call_number, clc, topic="culture", isbn=None, author="", publisher=""):
    title = add_title(session, name, clc=clc, topic=topic, isbn=isbn)
    title.author, title.publisher = author, publisher
    title.call_number, title.shelf_key = call_number, shelf_key(call_number)
    session.flush()
    return title


def _room(session):
    update_profile(session, actor="老李", name="机务段职工书屋")
    literature = Shelf(code="I01", name="文学")
    session.add(literature)
    session.flush()
    novel = _titled(session, "红楼梦", "I242.4/1", "I242.4", author="曹雪芹著", publisher="人民文学出版社",
                    isbn="9787020002207")
    law = _titled(session, "劳动合同法实用手册", "D922.5/3", "D922.5", topic="labour_law", author="王明编")
    gone = _titled(session, "剔除的书", "B0/1", "B0")
    for code, title, status, on in [("00000001", novel, "available", dt.date(2026, 11, 1)),
                                    ("00000002", novel, "on_loan", dt.date(2026, 11, 1)),
                                    ("00000003", novel, "repair", dt.date(2020, 1, 1)),
                                    ("00000004", law, "on_loan", dt.date(2021, 5, 1)),
                                    ("00000005", gone, "withdrawn", dt.date(2026, 11, 2))]:
        copy = add_copy(session, code, title, status=status, acquired_on=on)
        copy.shelf = literature if title is novel else None
    add_reader(session, "R000001", name="赵读者")
    session.flush()
    return novel, law


@pytest.fixture
def out(tmp_path):
    """A folder of its own for the sites (the SQLite room lives in tmp_path)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _publish(db, folder, **kwargs) -> Site:
    publish_catalogue(db, folder, **kwargs)
    return Site.read(folder)


def test_each_title_shows_its_call_number_shelf_and_copies_on_the_shelf_as_of_publishing(db, tmp_path):
    with db.write() as session:
        _room(session)
    steps = []
    result = publish_catalogue(db, tmp_path / "site", url="http://intranet/books/", progress=lambda d, t: steps.append((d, t)))
    site = Site.read(tmp_path / "site")
    shown = [(r[0], r[1], r[5], r[6], site.front["topics"][r[7]], site.front["shelves"][r[8]] if r[8] >= 0 else "",
              r[9], r[10]) for r in site.rows]
    assert shown == [  # shelf order; the withdrawn title is not in the room any more
        ("劳动合同法实用手册", "王明编", "D922.5/3", "D", "labour_law", "", 0, 1),
        ("红楼梦", "曹雪芹著", "I242.4/1", "I", "culture", "文学", 1, 3),  # one on the shelf, one lent, one in repair
    ]
    front = site.front
    assert (front["room"], front["date"], front["titles"], front["copies"], front["onShelf"]) == \
        ("机务段职工书屋", TODAY.isoformat(), 2, 4, 1)
    assert front["url"] == "http://intranet/books/"
    classes = {c[0]: c[3] for c in front["classes"]}
    assert (classes["D"], classes["I"], classes["B"], classes["A"]) == (1, 1, 0, 0)
    assert dict(zip(front["topics"], front["topicCounts"]))["labour_law"] == 1
    assert [r[0] for r in front["newBooks"]] == ["红楼梦"] and front["newBooks"][0][13] == "2026-11-01"
    assert (result.titles, result.copies, result.on_shelf, result.new_titles) == (2, 4, 1, 1)
    assert result.index == tmp_path / "site" / "index.html"
    assert result.index.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert steps[-1][0] == steps[-1][1] and len(steps) >= 2
    manifest = json.loads((tmp_path / "site" / MANIFEST).read_text(encoding="utf-8"))
    on_disk = sorted(p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site").rglob("*") if p.is_file())
    assert sorted(manifest["files"]) == on_disk and result.files == len(on_disk)
    assert result.bytes_first_screen == sum((tmp_path / "site" / n).stat().st_size
                                            for n in ("index.html", "app.js", "style.css", "data/front.js"))


def test_the_page_searches_the_desks_own_keys_so_it_finds_what_the_desk_finds(db, tmp_path):
    with db.write() as session:
        _room(session)
        unkeyed = _titled(session, "钢铁是怎样炼成的", "I512.45/1", "I512.45")
        add_copy(session, "00000009", unkeyed)
    with db.write() as session:  # a title stored without its keys (an old version's row): the page keys it itself
        session.execute(update(Title).where(Title.id == unkeyed.id).values(search_text="", pinyin=""))
    site = _publish(db, tmp_path / "site")
    with db.read() as session:
        stored = {t.title: t.search_text for t in session.scalars(select(Title))}
        for query in ("hlm", "hongloumeng", "红楼", "楼梦", "曹雪芹", "ldht", "9787020002207", "978-7-02-000220-7",
                      "7020002207", "i242", "d922.5/3", "炼成", "王明 手册", "人民文学"):
            page = {r[0] for r in site.rows if all(w in hay(r) for w in words(query))}
            desk = {session.get(Title, i).title for i in matching_ids(session, query, limit=None)}
            assert page == desk - {"剔除的书"}, query
    by_title = {r[0]: r for r in site.rows}  # the unkeyed title is found by pinyin too (the desk keys it later)
    assert "gangtieshizenyanglianchengde gtszylcd" in hay(by_title["钢铁是怎样炼成的"])
    pairs = "红楼|楼梦|曹雪|雪芹|芹著|人民|民文|文学|学出|出版|版社|"
    assert hay(by_title["红楼梦"]) == stored["红楼梦"].removesuffix(pairs).rstrip("\n")
    assert by_title["红楼梦"][12] == 7  # title, author and publisher are not written twice


def test_titles_are_split_into_shards_in_shelf_order_each_saying_its_classes_and_kinds(db, tmp_path, monkeypatch):
    monkeypatch.setattr(catalogue_site, "SHARD_SIZE", 3)
    with db.write() as session:
        for n, (clc, topic) in enumerate([("A81", "politics"), ("D922", "labour_law"), ("I247", "culture"),
                                          ("I247", "culture"), ("TP3", "skills"), ("Z22", "other"), ("K82", "social_science")]):
            add_copy(session, f"0000010{n}", _titled(session, f"书{n}", f"{clc}/{n + 1}", clc, topic=topic))
    site = _publish(db, tmp_path / "site")
    shards = site.front["shards"]
    assert [(s["n"], s["count"], s["classes"]) for s in shards] == [(0, 3, "ADI"), (1, 3, "IKT"), (2, 1, "Z")]
    topics = site.front["topics"]
    assert [sorted(topics[i] for i in s["topics"]) for s in shards][0] == ["culture", "labour_law", "politics"]
    assert [r[5] for r in site.rows] == ["A81/1", "D922/2", "I247/3", "I247/4", "K82/7", "TP3/5", "Z22/6"]
    assert sorted(p.name for p in (tmp_path / "site" / "data").iterdir() if p.suffix != ".gz") == \
        ["front.js", "shard-000.js", "shard-001.js", "shard-002.js"]


def test_publishing_again_replaces_an_earlier_publication_whole(db, out, monkeypatch):
    monkeypatch.setattr(catalogue_site, "SHARD_SIZE", 1)
    with db.write() as session:
        novel, law = _room(session)
    folder = out / "site"
    _publish(db, folder)
    assert (folder / "data" / "shard-001.js").exists()
    with db.write() as session:
        session.get(Title, law.id).copies[0].status = "withdrawn"
        session.get(Title, novel.id).copies[1].status = "available"  # came back
    site = _publish(db, folder)
    assert [(r[0], r[9]) for r in site.rows] == [("红楼梦", 2)]
    assert not (folder / "data" / "shard-001.js").exists()  # nothing of the earlier one is left behind
    assert sorted(p.name for p in out.iterdir()) == ["site"]  # no staging or previous folder either


@pytest.mark.parametrize("stray", ["notes.txt", "data/old.js"])
def test_a_folder_that_is_not_an_earlier_publication_is_refused_and_nothing_is_written(db, out, stray):
    folder = out / "mine"
    (folder / stray).parent.mkdir(parents=True)
    (folder / stray).write_text("我的文件", encoding="utf-8")
    with pytest.raises(Refused, match="不是以前发布的书目"):
        publish_catalogue(db, folder)
    assert (folder / stray).read_text(encoding="utf-8") == "我的文件"
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == \
        sorted({"mine", "mine/" + stray, *(["mine/data"] if "/" in stray else [])})


def test_a_file_and_a_folder_without_its_parent_are_refused(db, out):
    (out / "a.html").write_text("x", encoding="utf-8")
    (out / MANIFEST).write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(Refused, match="是一个文件，不是文件夹"):
        publish_catalogue(db, out / "a.html")
    with pytest.raises(FolderMissing, match="不存在"):
        publish_catalogue(db, out / "no" / "site")
    with pytest.raises(Refused):  # a manifest that is not ours
        publish_catalogue(db, out)
    assert sorted(p.name for p in out.iterdir()) == ["a.html", MANIFEST]


def test_an_empty_folder_is_used_and_an_empty_room_publishes_a_page_that_says_so(db, tmp_path):
    (tmp_path / "site").mkdir()
    result = publish_catalogue(db, tmp_path / "site")
    site = Site.read(tmp_path / "site")
    assert (result.titles, site.front["titles"], site.front["shards"], site.rows, site.front["newBooks"]) == (0, 0, [], [], [])
    assert "这个书屋还没有可公开的藏书" in (tmp_path / "site" / "app.js").read_text(encoding="utf-8")


def test_a_failed_publication_leaves_the_earlier_one_whole(db, out, monkeypatch):
    with db.write() as session:
        _room(session)
    folder = out / "site"
    _publish(db, folder)
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    with db.write() as session:
        add_copy(session, "00000077", _titled(session, "新来的书", "I0/1", "I0"))

    def broken(_staging, _target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(catalogue_site, "_swap", broken)
    with pytest.raises(Exception, match="磁盘已满"):
        publish_catalogue(db, folder)
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in out.iterdir()) == ["site"]


_NASTY = st.text(st.characters(exclude_categories=("Cs",)), max_size=40) | st.sampled_from(
    ["</script><script>alert(1)</script>", '"\\\'', "\u2028\u2029", "<!--", "]]>", "\\u2028", "&amp;"])


@given(value=st.lists(_NASTY, max_size=4))
def test_script_json_round_trips_and_never_closes_a_script(value):
    text = script_json(value)
    assert json.loads(text) == value
    assert not re.search("[<>&\u2028\u2029]", text)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=_NASTY.filter(lambda s: s.strip()), author=_NASTY)
def test_any_title_is_published_as_it_is_and_the_data_files_stay_plain_scripts(tmp_path_factory, name, author):
    folder = tmp_path_factory.mktemp("nasty")
    db = open_database(f"sqlite:///{folder / 'room.db'}")
    try:
        with db.write() as session:
            title = add_title(session, name)
            title.author = author
            add_copy(session, "00000001", title)
        site = _publish(db, folder / "site")
    finally:
        db.dispose()
    assert [(r[0], r[1]) for r in site.rows] == [(name, author)]
    for path in (folder / "site" / "data").iterdir():
        assert not re.search("[<>\u2028\u2029]", _text(path))


def _text(path) -> str:
    """A published file's text; a gzip copy's unpacked."""
    data = path.read_bytes()
    return (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8")


def test_each_page_file_has_a_gzip_copy_beside_it_for_a_web_server_to_send(demo_site):
    folder = demo_site.site.folder
    plain = sorted(p for p in folder.rglob("*") if p.suffix in (".html", ".js", ".css"))
    assert len(plain) >= 5
    for path in plain:
        packed = path.with_name(path.name + ".gz")
        assert gzip.decompress(packed.read_bytes()) == path.read_bytes(), path
    shard = folder / "data" / "shard-000.js"
    assert (folder / "data" / "shard-000.js.gz").stat().st_size * 3 < shard.stat().st_size
    manifest = json.loads((folder / "bookroom-catalogue.json").read_text(encoding="utf-8"))
    assert "data/shard-000.js.gz" in manifest["files"]  # so publishing again knows them as its own


def test_no_reader_card_or_phone_of_the_demo_room_appears_in_any_file(demo_site):
    db = open_database(demo_site.db_url)
    try:
        with db.read() as session:
            readers = session.execute(select(Reader.name, Reader.card, Reader.phone, Reader.employee_no)).all()
            public = "\n".join(f"{t.title}\n{t.author}\n{t.publisher}\n{t.series}\n{t.subjects}"
                               for t in session.scalars(select(Title)))
    finally:
        db.dispose()
    files = {p: _text(p) for p in demo_site.site.folder.rglob("*") if p.is_file()}  # the gzip copies unpacked
    assert len(readers) == 300 and len(files) >= 6
    everything = "\n".join(files.values())
    names = [name for name, *_ in readers if name not in public]  # a reader may share a name with an author
    assert len(names) > 30
    for _name, card, phone, employee_no in readers:
        assert card not in everything and employee_no not in everything
        assert not phone or phone not in everything
    for name in names:
        assert name not in everything, name


def test_a_reader_named_like_no_book_never_reaches_the_files(db, tmp_path):
    with db.write() as session:
        _room(session)
        reader = add_reader(session, "R009999", name="隐私测试员")
        reader.phone = "13912345678"
    publish_catalogue(db, tmp_path / "site")
    for path in (tmp_path / "site").rglob("*"):
        if path.is_file():
            text = _text(path)
            assert not {"隐私测试员", "赵读者", "R009999", "R000001", "13912345678"} & {w for w in (
                "隐私测试员", "赵读者", "R009999", "R000001", "13912345678") if w in text}, path


def test_what_a_killed_publication_left_beside_the_folder_is_swept_once_stale(db, out):
    import os

    stale, fresh = out / ".site.publishing-abcd1234", out / ".site.previous-efgh5678"
    for folder in (stale, fresh):
        (folder / "data").mkdir(parents=True)
    os.utime(stale, (0, 0))
    publish_catalogue(db, out / "site")
    assert sorted(p.name for p in out.iterdir()) == [fresh.name, "site"]  # a fresh one may be another's, at work
