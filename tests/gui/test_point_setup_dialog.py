"""First-start dialog: per-field messages, then the point is stored."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

from liaison_app.domain.records import LiaisonPoint
from liaison_app.gui.dialogs.point_setup_dialog import PointSetupDialog

from .helpers import commit_text


def test_messages_per_field_then_saved(qtbot, core, signals):
    dialog = PointSetupDialog(core, signals)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save()
    assert dialog.rows["name"].error() == "请填写联系点名称"
    assert dialog.rows["code"].error() == "请填写联系点编码"
    assert dialog.rows["court"].error() == "请填写所属法院"
    assert dialog.rows["township"].error() == ""
    assert core.points.is_empty()

    commit_text(dialog.edits["name"], "梧桐树村法官联系点")
    commit_text(dialog.edits["code"], "梧桐")  # not ASCII: refused with its reason
    commit_text(dialog.edits["court"], "灵武市人民法院")
    assert not dialog.save()
    assert "字母、数字" in dialog.rows["code"].error()
    assert dialog.rows["name"].error() == ""

    dialog.edits["code"].clear()
    qtbot.keyClicks(dialog.edits["code"], "lw-wts")
    commit_text(dialog.edits["judge_name"], "李文华")
    with qtbot.waitSignal(signals.sig_changes_applied):
        assert dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    (stored,) = core.points.all()
    assert stored.code == "LW-WTS" and stored.judge_name == "李文华"



def _wording(dialog: PointSetupDialog) -> tuple[str, str, str]:
    intro = dialog.findChildren(QLabel)[0].text()
    return dialog.windowTitle(), intro, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text()


def test_worded_for_the_first_start_then_for_one_more_point(qtbot, core, signals):
    first = PointSetupDialog(core, signals)
    qtbot.addWidget(first)
    title, intro, cancel = _wording(first)
    assert (title, cancel) == ("设置联系点", "稍后设置") and intro.startswith("首次使用")

    core.points.add(LiaisonPoint(code="ZN-NA", name="宁安镇法官联系点", court="中宁县人民法院"))
    later = PointSetupDialog(core, signals)   # 记录 → 新建联系点…
    qtbot.addWidget(later)
    title, intro, cancel = _wording(later)
    assert (title, cancel) == ("新建联系点", "取消") and "首次使用" not in intro
