"""The categories tab: every column at least as wide as its header, in both languages, at 1024×700."""

from __future__ import annotations

import pytest

from bookroom_desk.i18n import install_app_translators
from bookroom_desk.ui.readers.categories_tab import CategoriesTab


@pytest.fixture
def language(qapp):
    yield lambda lang: install_app_translators(qapp, lang)
    install_app_translators(qapp, "zh_CN")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_no_header_is_cut_on_the_smallest_screen(ctx, qtbot, language, lang):
    language(lang)
    tab = CategoriesTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(800, 500)  # what the tab gets of a 1024×700 window beside the navigation
    tab.show()
    qtbot.waitExposed(tab)
    tab.refresh()
    header = tab.table.horizontalHeader()
    cut = [tab.model.headerData(c, header.orientation()) for c in range(header.count())
           if header.sectionSize(c) < header.sectionSizeFromContents(c).width()]
    assert cut == []
    assert header.length() <= tab.table.viewport().width()  # and nothing runs off to the right
