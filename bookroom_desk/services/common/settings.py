"""Room settings: each declared once with its type, default and title; stored in the database."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.common import audit_log, permissions
from bookroom_desk.services.common.actors import named
from bookroom_desk.store.models import RoomSetting
from bookroom_desk.text import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Setting:
    """One room setting: key, Python type, default, a translatable title, and whether only administrators change it."""

    key: str
    type: type
    default: Any
    title: str
    admin_only: bool = True  # False: a choice anyone's work remembers (the label paper last used)
    choices: tuple[Any, ...] = ()  # when given, the only values it takes


REGISTRY: dict[str, Setting] = {}


def declare(key: str, type_: type, default: Any, title: str, *, admin_only: bool = True,
            choices: tuple[Any, ...] = ()) -> Setting:
    setting = Setting(key, type_, default, title, admin_only, choices)
    REGISTRY[key] = setting
    return setting


MINIMUM_VOLUMES = declare("minimum_volumes", int, 3000, QT_TRANSLATE_NOOP("settings", "达标藏书量（册）"))
COUNTED_MATERIALS = declare(
    "counted_materials", list, ["book", "periodical", "newspaper"],
    QT_TRANSLATE_NOOP("settings", "计入达标的文献类型"),
)
COPY_PREFIX = declare("copy_prefix", str, "", QT_TRANSLATE_NOOP("settings", "图书条码前缀"))
COPY_DIGITS = declare("copy_digits", int, 8, QT_TRANSLATE_NOOP("settings", "图书条码数字位数"))
READER_PREFIX = declare("reader_prefix", str, "R", QT_TRANSLATE_NOOP("settings", "读者证号前缀"))
READER_DIGITS = declare("reader_digits", int, 6, QT_TRANSLATE_NOOP("settings", "读者证号数字位数"))
SHELF_PREFIX = declare("shelf_prefix", str, "SJ-", QT_TRANSLATE_NOOP("settings", "书架标签前缀"))
STOCKTAKE_GRACE_DAYS = declare("stocktake_grace_days", int, 90,
                               QT_TRANSLATE_NOOP("settings", "盘点缺失图书可核销前的等待期（天）"))


def get(session: Session, setting: Setting) -> Any:
    row = session.get(RoomSetting, setting.key)
    return parse(setting, None if row is None else row.value)


def parse(setting: Setting, stored: str | None) -> Any:
    """The value of ``setting`` from its stored text (as a statement read it), or its default for None."""
    return setting.default if stored is None else json.loads(stored)


def set_value(session: Session, setting: Setting, value: Any, *, actor: str) -> None:
    """Store ``value`` (administrators only, unless not ``admin_only``); a change is audited (who, old, new)."""
    if setting.admin_only:
        permissions.require(session, actor, "settings")
    else:
        named(actor)
    if setting.type is int and isinstance(value, bool) or not isinstance(value, setting.type):
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "设置“{key}”的值类型不对。"), key=setting.key)
    if setting.choices and value not in setting.choices:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "设置“{key}”只能取这些值：{choices}。"),
                           key=setting.key, choices="、".join(str(choice) for choice in setting.choices))
    row = session.get(RoomSetting, setting.key)
    stored = json.dumps(value, ensure_ascii=False)
    old = json.dumps(setting.default, ensure_ascii=False) if row is None else row.value
    if row is None:
        session.add(RoomSetting(key=setting.key, value=stored))
    else:
        row.value = stored
    if stored != old:
        audit_log.record(session, "setting", f"{setting.key}: {old[:200]} → {stored[:200]}", actor)
DESK_SOUND_VOLUME = declare("desk_sound_volume", int, 80, QT_TRANSLATE_NOOP("settings", "扫描提示音音量（0–100）"),
                            admin_only=False)
DESK_SOUND_MUTED = declare("desk_sound_muted", bool, False, QT_TRANSLATE_NOOP("settings", "扫描提示音静音"),
                           admin_only=False)
SLIP_PAGES = ("a5", "receipt58", "receipt80")  # A5 PDF sheet, 58 mm or 80 mm receipt roll
SLIP_PAGE = declare("slip_page", str, "a5", QT_TRANSLATE_NOOP("settings", "借阅凭条纸张"), admin_only=False,
                    choices=SLIP_PAGES)
SLIP_AFTER_LOANS = declare("slip_after_loans", bool, False, QT_TRANSLATE_NOOP("settings", "每次借书后打印借阅凭条"),
                           admin_only=False)
HOLD_SLIP_ON_READY = declare("hold_slip_on_ready", bool, False,
                             QT_TRANSLATE_NOOP("settings", "每次预约到书时打印预约条"), admin_only=False)
#: Where the published catalogue (services.publishing) is read: the poster's QR code points there. Remembered by
#: whoever publishes or prints the poster, so anyone's last use fills it in next time.
PUBLISHED_URL = declare("published_url", str, "", QT_TRANSLATE_NOOP("settings", "书目发布的网址"), admin_only=False)
