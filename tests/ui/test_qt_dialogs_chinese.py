"""Qt's own file dialog (the non-native one) in Chinese: qtbase_zh_CN.qm plus what it lacks; English stays English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel

from bookroom_desk.i18n import install_app_translators

#: Strings the file dialog and its model show that Qt 6's qtbase_zh_CN.qm has no Chinese for (sources renamed since).
GAPS = [("QFileDialog", "&Look in:", None), ("QFileDialog", "Files of &type:", None), ("QFileDialog", "File name:", None),
        ("QAbstractFileIconProvider", "Folder", "All other platforms"),
        ("QAbstractFileIconProvider", "File Folder", "Match Windows Explorer"),
        ("QAbstractFileIconProvider", "Drive", None)]
#: Strings qtbase_zh_CN.qm has: still Chinese with the supplement installed over it.
SHIPPED = [("QFileDialog", "Look in:"), ("QFileDialog", "Files of type:"), ("QFileDialog", "File &name:"),
           ("QFileDialog", "Detail View"), ("QFileDialog", "List View"), ("QFileDialog", "Create New Folder"),
           ("QFileDialog", "&Open"), ("QFileSystemModel", "Name"), ("QFileSystemModel", "Date Modified"),
           ("QMessageBox", "Show Details..."), ("QPlatformTheme", "Cancel"), ("QPlatformTheme", "&Yes"),
           ("QLineEdit", "&Copy"), ("QWidgetTextControl", "Select All")]


@pytest.fixture
def language(qapp):
    yield lambda lang: install_app_translators(qapp, lang)
    install_app_translators(qapp, "zh_CN")


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


@pytest.mark.parametrize(("context", "source", "disambiguation"), GAPS)
def test_what_qtbase_zh_cn_lacks_is_chinese(language, context, source, disambiguation):
    language("zh_CN")
    assert _has_chinese(QCoreApplication.translate(context, source, disambiguation))


@pytest.mark.parametrize(("context", "source"), SHIPPED)
def test_qtbase_zh_cn_is_still_used(language, context, source):
    language("zh_CN")
    assert _has_chinese(QCoreApplication.translate(context, source))


def test_the_size_column_says_daxiao(language):
    language("zh_CN")
    assert QCoreApplication.translate("QFileSystemModel", "Size") == "大小"


def _labels(qtbot, tmp_path) -> list[str]:
    (tmp_path / "a.db").write_bytes(b"")
    (tmp_path / "folder").mkdir()
    dialog = QFileDialog(None, "", str(tmp_path), "书屋备份 (*.db *.zip);;所有文件 (*)")
    dialog.setOptions(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    return [label.text() for label in dialog.findChildren(QLabel)]


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_the_non_native_file_dialog_shows_no_english_label(language, qtbot, tmp_path):
    language("zh_CN")
    labels = [text for text in _labels(qtbot, tmp_path) if text]
    assert labels and all(_has_chinese(text) for text in labels), labels
    assert not [text for text in labels if "Look in" in text or "Files of" in text or "File name" in text]


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_english_stays_english(language, qtbot, tmp_path):
    language("en")
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Look in:"
    assert QCoreApplication.translate("QFileSystemModel", "Size") == "Size"
    assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms") == "Folder"
    labels = _labels(qtbot, tmp_path)
    assert "&Look in:" in labels and not [text for text in labels if _has_chinese(text)]
