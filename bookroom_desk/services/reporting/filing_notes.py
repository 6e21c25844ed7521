"""Why a figure of 基本情况 can look wrong though it is right: the line the return adds to its 说明.

An administrator who sees more borrowers than registered readers, more returns than loans or
a rate above 100 % suspects the program; the return says beside the figure what explains it.
The return's text is fixed Chinese by design (docs/return-format.md), so these are not translated.
"""

from __future__ import annotations

from bookroom_desk.services.reporting.indicators import Indicators


def _number(figures: Indicators, key: str) -> float:
    value = figures.values.get(key)
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else 0


def caveats(figures: Indicators) -> dict[str, str]:
    """Indicator key -> why its value is as it is, for the values that look wrong at first sight."""
    def get(key: str) -> float:
        return _number(figures, key)

    found: dict[str, str] = {}
    if get("borrowers") > get("readers"):
        found["borrowers"] = "借阅读者多于登记读者：期内离职或注销的读者在此前也借过书，登记读者只计期末在册的。"
    if get("participation_rate") > 100:
        found["participation_rate"] = ("超过100%：借阅读者中有不在服务职工人数之内的读者（如期内离职者），"
                                       "或服务职工人数未及时更新。")
    elif figures.workers_served is None and get("borrowers"):
        found["participation_rate"] = "书屋信息中未填服务职工人数，无法计算。"
    if get("returns") > get("loans"):
        found["returns"] = "归还多于借出：包括上期借出、本期归还的图书。"
    if get("renewal_rate") > 100 or (get("acquired") > get("volumes")):
        found["renewal_rate"] = "本期新增多于期末藏书：本期入藏后又剔除或遗失的图书也计入新增。"
    if get("circulation_rate") > 100:
        found["circulation_rate"] = "超过100%：本期借出过、期末前已剔除或遗失的图书也计入借出册数。"
    if get("loans") and not get("readers"):
        found["loans_per_reader"] = "期末没有在册读者，人均借阅无法计算。"
    if get("overdue") > get("loans"):
        found["overdue"] = "逾期多于本期借出：包括上期借出、至今未还的图书。"
    if figures.values.get("last_stocktake") is None:
        found["last_stocktake"] = "期末前没有完成的盘点。"
    return found
