"""Activity photos: copied beside the database, thumbnails, refused non-images, removed with the activity."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from sqlalchemy import func, select

from bookroom_desk import config
from bookroom_desk.errors import InvalidInput, NotFound
from bookroom_desk.services.roomwork import activities, photos
from bookroom_desk.store.models_roomwork import ActivityPhoto


def _picture(path: Path, size=(800, 600), fmt="JPEG") -> Path:
    Image.new("RGB", size, (200, 80, 40)).save(path, fmt)
    return path


@pytest.fixture
def activity(session):
    return activities.add_activity(session, held_on=dt.date(2026, 4, 23), name="读书日", kind="share")


def test_the_base_folder_is_beside_a_sqlite_file_else_the_user_data_folder(tmp_path):
    assert photos.base_folder(tmp_path / "room.db") == tmp_path.resolve()
    assert photos.base_folder(None) == config.user_data_dir()
    assert photos.photos_folder(tmp_path) == tmp_path / "photos"


def test_a_photo_is_copied_with_a_thumbnail_and_recorded(session, activity, tmp_path, fixed_clock):
    base = tmp_path / "data"
    source = _picture(tmp_path / "现场.JPEG")
    photo = photos.add_photo(session, base, activity.id, source, caption=" 合影 ")
    assert photo.path.startswith(f"photos/{activity.id}/") and photo.path.endswith(".jpg")
    stored = photos.photo_file(base, photo.path)
    assert stored.read_bytes() == source.read_bytes()
    thumb = photos.thumbnail(base, photo.path)
    with Image.open(thumb) as image:
        assert max(image.size) == photos.THUMB_SIZE
    assert (photo.caption, photo.added_at) == ("合影", fixed_clock)
    assert photos.stored_files(session, base) == [stored]
    assert source.exists()  # the original is left where it was


def test_a_missing_thumbnail_is_rebuilt_and_a_missing_photo_gives_none(session, activity, tmp_path):
    base = tmp_path / "data"
    photo = photos.add_photo(session, base, activity.id, _picture(tmp_path / "a.png", fmt="PNG"))
    photos.thumbnail_file(base, photo.path).unlink()
    assert photos.thumbnail(base, photo.path).is_file()
    photos.photo_file(base, photo.path).unlink()
    photos.thumbnail_file(base, photo.path).unlink()
    assert photos.thumbnail(base, photo.path) is None


@pytest.mark.parametrize("name, content", [("notes.txt", b"hello"), ("fake.jpg", b"not a picture at all")])
def test_non_pictures_are_refused_and_nothing_is_left(session, activity, tmp_path, name, content):
    base = tmp_path / "data"
    source = tmp_path / name
    source.write_bytes(content)
    with pytest.raises(InvalidInput):
        photos.add_photo(session, base, activity.id, source)
    assert session.scalar(select(func.count(ActivityPhoto.id))) == 0
    assert [p for p in photos.photos_folder(base).rglob("*") if p.is_file()] == []


def test_missing_files_and_activities_are_refused(session, activity, tmp_path):
    with pytest.raises(InvalidInput):
        photos.add_photo(session, tmp_path, activity.id, tmp_path / "gone.jpg")
    with pytest.raises(NotFound):
        photos.add_photo(session, tmp_path, 999, _picture(tmp_path / "a.jpg"))


def test_photos_go_with_their_activity(session, activity, tmp_path):
    base = tmp_path / "data"
    for name in ("a.jpg", "b.jpg"):
        photos.add_photo(session, base, activity.id, _picture(tmp_path / name))
    folder = photos.photos_folder(base) / str(activity.id)
    assert len(list(folder.glob("*.jpg"))) == 2
    photos.discard(base, activities.delete_activity(session, activity.id))
    assert not folder.exists()
    assert session.scalar(select(func.count(ActivityPhoto.id))) == 0


def test_removing_one_photo_keeps_the_others(session, activity, tmp_path):
    base = tmp_path / "data"
    first = photos.add_photo(session, base, activity.id, _picture(tmp_path / "a.jpg"))
    second = photos.add_photo(session, base, activity.id, _picture(tmp_path / "b.jpg"))
    photos.discard(base, photos.remove_photo(session, first.id))
    assert [p.id for p in photos.photos_of(session, activity.id)] == [second.id]
    assert not photos.photo_file(base, first.path).exists() and photos.photo_file(base, second.path).exists()
    photos.set_caption(session, second.id, "颁奖")
    assert second.caption == "颁奖"


def test_discard_never_deletes_outside_the_photos_folder(tmp_path):
    outside = tmp_path / "bookroom.db"
    outside.write_text("precious")
    photos.discard(tmp_path, ["bookroom.db", "photos/../bookroom.db"])
    assert outside.read_text() == "precious"


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=200))
def test_arbitrary_bytes_are_either_a_picture_or_refused(session, activity, tmp_path, data):
    source = tmp_path / "upload.png"
    source.write_bytes(data)
    try:
        photos.add_photo(session, tmp_path / "data", activity.id, source)
    except InvalidInput:
        pass


def test_photos_travel_in_an_archive_beside_a_backup(session, activity, tmp_path):
    import zipfile

    base = tmp_path / "data"
    photo = photos.add_photo(session, base, activity.id, _picture(tmp_path / "a.jpg"))
    archive = photos.write_archive(session, base, tmp_path / "backups" / "bookroom.photos.zip")
    assert archive == 1
    restored = tmp_path / "restored"
    assert photos.restore_archive(tmp_path / "backups" / "bookroom.photos.zip", restored) == 1
    assert photos.photo_file(restored, photo.path).read_bytes() == photos.photo_file(base, photo.path).read_bytes()
    assert photos.thumbnail(restored, photo.path).is_file()
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as out:
        out.writestr("../outside.txt", "x")
        out.writestr("bookroom.db", "x")
    assert photos.restore_archive(evil, restored) == 0
    assert not (tmp_path / "outside.txt").exists() and not (restored / "bookroom.db").exists()


@pytest.mark.parametrize("stored", ["/tmp/x/id_rsa.jpg", "../../x.png", "photos/1/../../x.jpg", "C:\\x\\a.jpg",
                                    "C:/x/a.jpg", "photos\\1\\a.jpg", "photos/1/CON.jpg", "photos/1/a.txt",
                                    "photos/1/thumbs/a.jpg", "photos//a.jpg", "", "photos/1/a.jpg\n"])
def test_a_photo_name_is_a_file_inside_the_photos_folder_or_refused(tmp_path, stored):
    with pytest.raises(InvalidInput, match="不是照片文件夹里的文件名"):
        photos.photo_file(tmp_path, stored)
    assert photos.photo_file(tmp_path, "photos/12/0a1b2c3d4e5f.jpg") == tmp_path / "photos" / "12" / "0a1b2c3d4e5f.jpg"


@pytest.mark.sqlite_only("photos beside a SQLite file, backed up with it")
def test_rows_pointing_outside_are_never_read_written_or_backed_up(db, tmp_path):
    from bookroom_desk.services.upkeep import backups

    secret = tmp_path / "x" / "id_rsa.jpg"
    secret.parent.mkdir()
    _picture(secret)
    outside_link = tmp_path / "elsewhere"
    outside_link.mkdir()
    base = photos.base_folder(db.path)
    with db.write() as session:
        activity = activities.add_activity(session, held_on=dt.date(2026, 4, 23), name="读书日", kind="share")
        for stored in (str(secret), "../x/id_rsa.jpg", "photos/9/abc.jpg"):
            session.add(ActivityPhoto(activity_id=activity.id, path=stored, caption="", added_at=dt.datetime.now()))
    (base / "photos").mkdir()
    (base / "photos" / "9").symlink_to(secret.parent, target_is_directory=True)  # photos/9/abc.jpg leads out too
    (secret.parent / "abc.jpg").write_bytes(secret.read_bytes())
    with db.read() as session:
        assert photos.stored_files(session, base) == []
        names = list(session.scalars(select(ActivityPhoto.path)))
    assert [photos.thumbnail(base, name) for name in names] == [None, None, None]
    assert sorted(p.name for p in secret.parent.rglob("*")) == ["abc.jpg", "id_rsa.jpg"]  # no thumbnail beside them
    result = backups.make_backup(db.path, tmp_path / "usb.db")
    assert result.photos == 0 and result.path.suffix == ".db"  # nothing from outside went into the backup
    photos.discard(base, names)
    assert secret.exists() and (secret.parent / "abc.jpg").exists()
