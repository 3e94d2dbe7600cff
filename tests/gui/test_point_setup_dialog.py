"""First-start dialog: per-field messages, then the point is stored."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

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
