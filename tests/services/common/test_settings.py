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
