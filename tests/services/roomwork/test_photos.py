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
    stored = photos.absolute(base, photo.path)
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
    photos.absolute(base, photo.path).unlink()
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
    assert not photos.absolute(base, first.path).exists() and photos.absolute(base, second.path).exists()
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
    assert photos.absolute(restored, photo.path).read_bytes() == photos.absolute(base, photo.path).read_bytes()
    assert photos.thumbnail(restored, photo.path).is_file()
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as out:
        out.writestr("../outside.txt", "x")
        out.writestr("bookroom.db", "x")
    assert photos.restore_archive(evil, restored) == 0
    assert not (tmp_path / "outside.txt").exists() and not (restored / "bookroom.db").exists()
