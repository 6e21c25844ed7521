"""The one scan feedback of the desk and the stocktake: its tones, and its message in the volunteer's language."""

from __future__ import annotations

import datetime as dt

from bookroom_desk import text
from bookroom_desk.services.common.feedback import STATUS, Feedback, Tone


def test_refused_and_unknown_alarm_the_volunteer_ok_and_warning_do_not():
    assert [tone for tone in Tone if tone.alarming] == [Tone.REFUSED, Tone.UNKNOWN]


def test_the_message_fills_dates_statuses_and_nested_feedback():
    lent = Feedback(Tone.OK, "借出《{title}》，应还日期 {due}。", {"title": "红楼梦", "due": dt.date(2026, 12, 24)},
                    "circulation")
    undone = Feedback(Tone.OK, "已撤销：{what}（{status}）", {"what": lent, "status": STATUS + "available"}, "circulation")
    assert undone.message() == "已撤销：借出《红楼梦》，应还日期 2026-12-24。（在架）"
    assert lent.message(lambda day: day.strftime("%Y/%m/%d")) == "借出《红楼梦》，应还日期 2026/12/24。"


def test_the_text_is_translated_in_its_context_before_it_is_filled():
    seen = []

    def english(context, source):
        seen.append(context)
        return {"{code} 已经扫过了（未知条码）。": "{code} was scanned already (unknown barcode)."}.get(source, source)

    text.install(english)
    assert Feedback(Tone.WARNING, "{code} 已经扫过了（未知条码）。", {"code": "X1"}, "stocktake").message() == (
        "X1 was scanned already (unknown barcode).")
    assert seen == ["stocktake"]
