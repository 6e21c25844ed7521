"""`bookroom-desk publish-catalogue DIR [--url URL]`: a summary in Chinese or English, JSON, an earlier
publication replaced, and a folder that is not one refused (exit 1, nothing written)."""

from __future__ import annotations

import json

from bookroom_desk.cli import main
from bookroom_desk.store.migrate import open_database
from tests.support.helpers import add_copy, add_title


def _one_book(db_path):
    db = open_database(f"sqlite:///{db_path}")
    with db.write() as session:
        add_copy(session, "00000001", add_title(session, "红楼梦"))
    db.dispose()


def test_publishes_and_prints_a_short_summary(db_path, tmp_path, capsys):
    _one_book(db_path)
    site = tmp_path / "site"
    assert main(["--db", str(db_path), "publish-catalogue", str(site), "--url", "http://intranet/books/"]) == 0
    out = capsys.readouterr().out
    assert "已发布 1 种图书（1 册，在架 1 册" in out and str(site / "index.html") in out
    assert "发布地址：http://intranet/books/" in out
    assert json.loads((site / "bookroom-catalogue.json").read_text(encoding="utf-8"))["url"] == "http://intranet/books/"
    assert main(["--db", str(db_path), "--lang", "en", "publish-catalogue", str(site), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["titles"], data["files"], data["index"]) == (1, 11, str(site / "index.html"))  # 5 files + .gz, manifest
    assert 0 < data["bytes_first_screen"] < 500 * 1024
    assert main(["--db", str(db_path), "--lang", "en", "publish-catalogue", str(site)]) == 0
    assert capsys.readouterr().out.startswith("Published 1 titles (1 copies, 1 on the shelf, 0 new)")


def test_an_empty_room_says_so(db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "publish-catalogue", str(tmp_path / "site")]) == 0
    assert "还没有可公开的藏书" in capsys.readouterr().out
    assert (tmp_path / "site" / "index.html").exists()


def test_a_folder_that_is_not_a_publication_is_refused_in_either_language(db_path, tmp_path, capsys):
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "a.jpg").write_bytes(b"jpeg")
    assert main(["--db", str(db_path), "publish-catalogue", str(folder)]) == 1
    assert "不是以前发布的书目" in capsys.readouterr().err
    assert main(["--db", str(db_path), "--lang", "en", "publish-catalogue", str(folder)]) == 1
    assert "is not an earlier published catalogue" in capsys.readouterr().err
    assert sorted(p.name for p in folder.iterdir()) == ["a.jpg"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == ["photos"]
