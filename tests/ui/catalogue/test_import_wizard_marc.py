"""The import wizard takes MARC files too: the records as rows, a record that cannot be read shown with its problem."""

from __future__ import annotations

from tests.support import marc_bytes as m
from tests.support.delivery import isbn, volumes


def shown(dialog, column):
    model = dialog.preview_model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_a_marc_file_with_a_bad_record_is_previewed_and_not_imported(page, db, tmp_path):
    path = tmp_path / "到书.iso"
    path.write_bytes(m.cnmarc("好书", isbn=isbn(1), barcodes=("00000001", "00000002"))
                     + m.cnmarc("坏书", isbn=isbn(2), charset="03  ") + m.cnmarc("又一本", isbn=isbn(3)))
    dialog = page.open_import(path)
    assert dialog.combos["title"].currentText() == "书名" and dialog.combos["barcode"].currentText() == "条码号"
    assert "共 3 行，其中 2 行有问题" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    dialog.only_problems.setChecked(True)
    assert shown(dialog, 0) == ["2", "3"]
    problems = shown(dialog, 1)
    assert "不支持的字符集" in problems[0] and "已经出现过" in problems[1]
    dialog.run_import()
    assert volumes(db) == 0


def test_a_good_marc_file_imports_its_copies(page, db, tmp_path):
    path = tmp_path / "到书.xml"
    from bookroom_desk.services.catalogue.marc.mapping import MarcRecord
    from bookroom_desk.services.catalogue.marc.writing import cnmarc_record, write_marcxml

    path.write_bytes(write_marcxml([cnmarc_record(MarcRecord(title=f"书{n}", isbn=isbn(n), clc="I247",
                                                             holdings=[f"{n + 1:08d}"])) for n in range(3)]))
    dialog = page.open_import(path)
    assert "共 3 行，检查通过：将导入 3 种（其中新书目 3 种）、3 册" in dialog.summary.text()
    dialog.run_import()
    assert volumes(db) == 3
