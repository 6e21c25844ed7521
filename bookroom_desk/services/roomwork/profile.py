"""The room profile (书屋信息): read it, change it, and tell what is still missing."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.common import audit_log, permissions
from bookroom_desk.services.common.entry import entry_text
from bookroom_desk.store.models import RoomProfile
from bookroom_desk.text import QT_TRANSLATE_NOOP

#: The profile's fields in the order forms and returns show them, with their titles.
FIELDS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("room", "书屋名称"),
    "union_name": QT_TRANSLATE_NOOP("room", "所属工会"),
    "workplace": QT_TRANSLATE_NOOP("room", "所在单位"),
    "address": QT_TRANSLATE_NOOP("room", "地址"),
    "contact": QT_TRANSLATE_NOOP("room", "联系人"),
    "phone": QT_TRANSLATE_NOOP("room", "联系电话"),
    "area_m2": QT_TRANSLATE_NOOP("room", "面积（㎡）"),
    "seats": QT_TRANSLATE_NOOP("room", "座位数"),
    "opening_hours": QT_TRANSLATE_NOOP("room", "开放时间"),
    "workers_served": QT_TRANSLATE_NOOP("room", "服务职工人数"),
    "nameplate": QT_TRANSLATE_NOOP("room", "统一标牌"),
    "acftu_named_year": QT_TRANSLATE_NOOP("room", "全总命名年份"),
    "digital_service": QT_TRANSLATE_NOOP("room", "数字阅读服务"),
    "rules_text": QT_TRANSLATE_NOOP("room", "借阅制度"),
}
#: Fields an administrator should fill before the room's returns make sense.
REQUIRED = ("name", "union_name", "workplace", "address", "contact", "phone", "area_m2", "seats",
            "opening_hours", "workers_served", "digital_service", "rules_text")
_NUMBERS = ("area_m2", "seats", "workers_served", "acftu_named_year")


def _empty_profile() -> RoomProfile:
    return RoomProfile(id=1, name="", union_name="", workplace="", address="", contact="", phone="",
                       opening_hours="", nameplate=False, digital_service="", rules_text="")


def get_profile(session: Session) -> RoomProfile:
    """The profile; an empty one (not stored) before anything was filled in. Reading never writes."""
    return session.get(RoomProfile, 1) or _empty_profile()


def room_name(session: Session) -> str:
    profile = session.get(RoomProfile, 1)
    return profile.name if profile else ""


def missing_fields(session: Session) -> list[str]:
    """Keys of REQUIRED fields still empty."""
    profile = session.get(RoomProfile, 1)
    if profile is None:
        return list(REQUIRED)
    return [key for key in REQUIRED if getattr(profile, key) in (None, "")]


def update_profile(session: Session, *, actor: str, **values: Any) -> RoomProfile:
    """Change the named fields; numbers must not be negative, years must be plausible. Administrators only."""
    permissions.require(session, actor, "settings")
    changed = []
    profile = session.get(RoomProfile, 1)
    if profile is None:
        profile = _empty_profile()
        session.add(profile)
    for key, value in values.items():
        if key not in FIELDS:
            raise KeyError(key)
        if key in _NUMBERS and value is not None and value != "":
            if value < 0:
                raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "“{field}”不能是负数。"), field=FIELDS[key])
            if key == "acftu_named_year" and not 1990 <= value <= 2100:
                raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "全总命名年份“{value}”不合理。"), value=value)
        if key in _NUMBERS and value == "":
            value = None
        if isinstance(value, str):
            column = getattr(RoomProfile, key)
            limit = column.property.columns[0].type.length
            value = entry_text(value, FIELDS[key], limit, squeeze=False, context="room")
        if getattr(profile, key) != value:
            changed.append(key)
        setattr(profile, key, value)
    if changed:
        audit_log.record(session, "setting", "书屋信息：" + ", ".join(changed), actor)
    return profile
