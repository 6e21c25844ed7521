"""The log-in panel shows its heading, prompt and fields whole, in Chinese and in English, on a 1024x700 window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QStyle, QStyleOptionFrame, QWidget

from bookroom_desk.i18n import install_app_translators
from bookroom_desk.ui.access.login import LoginPanel

H_MARGIN, V_MARGIN = 2, 1  # QLineEdit's own margins around its text line


@pytest.fixture(params=["zh_CN", "en"])
def panel(request, ctx, qapp, qtbot):
    install_app_translators(qapp, request.param)
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1024, 700)
    panel = LoginPanel(ctx, window)
    window.show()
    qtbot.waitExposed(window)
    panel.open("小王")
    qtbot.wait(1)
    yield panel
    install_app_translators(qapp, "zh_CN")


def _text_line(edit: QLineEdit):
    """Where a line edit draws its text (as QLineEdit.paintEvent works it out)."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    rect = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    return rect.adjusted(margins.left() + H_MARGIN, margins.top() + V_MARGIN,
                         -margins.right() - H_MARGIN, -margins.bottom() - V_MARGIN)


def test_the_box_is_as_tall_as_its_width_needs_and_inside_the_window(panel):
    box = panel.findChild(QFrame, "loginBox")
    assert box.height() >= box.layout().totalHeightForWidth(box.width())
    assert panel.rect().contains(box.geometry())


def test_every_label_shows_its_whole_text(panel):
    box = panel.findChild(QFrame, "loginBox")
    cut = []
    for label in box.findChildren(QLabel):
        if not label.text():
            continue
        if label.wordWrap():
            needed = (label.minimumSizeHint().width(), label.heightForWidth(label.width()))
        else:
            needed = (label.sizeHint().width(), label.sizeHint().height())
        if label.width() < needed[0] or label.height() < needed[1]:
            cut.append(f"{label.text()!r}: {label.width()}x{label.height()} < {needed[0]}x{needed[1]}")
    assert not cut


def test_each_field_shows_its_whole_prompt_and_is_never_narrower_than_it(panel):
    for edit in (panel.who, panel.secret):
        metrics = edit.fontMetrics()
        line = _text_line(edit)
        prompt = edit.placeholderText()
        assert metrics.horizontalAdvance(prompt) <= line.width(), prompt
        assert metrics.height() <= line.height(), f"{prompt}: {line.height()} px tall for {metrics.height()}"
        assert edit.height() >= edit.minimumSizeHint().height()
        assert edit.minimumWidth() >= metrics.horizontalAdvance(prompt) + edit.width() - line.width()
