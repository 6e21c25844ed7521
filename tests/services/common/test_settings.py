"""Room settings: declared once, stored as JSON, typed."""

from __future__ import annotations

import pytest

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.common import settings
from bookroom_desk.services.common.actors import OPERATOR
from tests.support.helpers import add_admin_and_volunteer, refused_each


def test_defaults_then_stored_values(session):
    assert settings.get(session, settings.MINIMUM_VOLUMES) == 3000
    assert settings.get(session, settings.COUNTED_MATERIALS) == ["book", "periodical", "newspaper"]
    settings.set_value(session, settings.READER_PREFIX, "DZ", actor=OPERATOR)
    settings.set_value(session, settings.READER_PREFIX, "XS", actor=OPERATOR)
    session.flush()
    assert settings.get(session, settings.READER_PREFIX) == "XS"


@pytest.mark.parametrize("setting, value", [(settings.MINIMUM_VOLUMES, "3000"), (settings.MINIMUM_VOLUMES, True),
                                            (settings.COUNTED_MATERIALS, "book")])
def test_wrong_type_is_refused(session, setting, value):
    with pytest.raises(InvalidInput):
        settings.set_value(session, setting, value, actor=OPERATOR)


def test_every_setting_has_a_title_and_a_default_of_its_type():
    for setting in settings.REGISTRY.values():
        assert setting.title and isinstance(setting.default, setting.type)


def test_only_an_administrator_changes_a_room_setting(db):
    with db.write() as session:
        add_admin_and_volunteer(session)
    refused_each(db, [lambda session: settings.set_value(session, settings.MINIMUM_VOLUMES, 100, actor="小王")],
                 "只有管理员可以修改书屋设置。当前登录的“小王”是志愿者")
    with db.read() as session:
        assert settings.get(session, settings.MINIMUM_VOLUMES) == 3000
    with db.write() as session:
        settings.set_value(session, settings.MINIMUM_VOLUMES, 100, actor="老李")
    with db.read() as session:
        assert settings.get(session, settings.MINIMUM_VOLUMES) == 100


def test_the_slip_settings_default_to_a5_and_no_slip_and_a_volunteer_may_change_them(db):
    with db.write() as session:
        add_admin_and_volunteer(session)
    with db.read() as session:
        assert settings.get(session, settings.SLIP_PAGE) == "a5"
        assert settings.get(session, settings.SLIP_AFTER_LOANS) is False
    with db.write() as session:
        settings.set_value(session, settings.SLIP_PAGE, "receipt58", actor="小王")
        settings.set_value(session, settings.SLIP_AFTER_LOANS, True, actor="小王")
    with db.read() as session:
        assert settings.get(session, settings.SLIP_PAGE) == "receipt58"
        assert settings.get(session, settings.SLIP_AFTER_LOANS) is True


@pytest.mark.parametrize("value", ["a4", "58", "", "RECEIPT58"])
def test_a_slip_paper_not_offered_is_refused_and_nothing_is_stored(db, value):
    with pytest.raises(InvalidInput, match="只能取这些值：a5、receipt58、receipt80"):
        with db.write() as session:
            settings.set_value(session, settings.SLIP_PAGE, value, actor=OPERATOR)
    with db.read() as session:
        assert settings.get(session, settings.SLIP_PAGE) == "a5"
