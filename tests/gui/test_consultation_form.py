"""The consultation form: validation next to fields, ID handling, earlier visits, drafts."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from liaison_app.domain.enums import AgeBand, Gender, IdStatus, Outcome, SpecialGroup
from liaison_app.domain.records import ConsultationFilter
from liaison_app.gui.dialogs.consultation_form import CloseChoice, ConsultationForm

from .form_filling import ADVICE, QUESTION, choose, fill_valid_form
from .helpers import commit_text, make_consultation

VALID_ID = "11010519491231002X"  # GB 11643-1999 example: born 1949-12-31, female
BAD_CHECK_DIGIT_ID = "110105194912310021"


def stored(core):
    return core.consultations.page(ConsultationFilter(), limit=50)


def test_new_form_saves_what_was_typed(qtbot, core, point, open_form):
    form = open_form()
    fill_valid_form(qtbot, form)
    # 引导调解 needs a follow-up: the deadline was proposed (received + 7 days).
    assert form.view.due_edit.value() == core.now().date() + timedelta(days=7)
    with qtbot.waitSignal(form.sig_saved) as saved:
        qtbot.mouseClick(form.view.save_button, Qt.MouseButton.LeftButton)
    record = core.consultations.get(saved.args[0].id)
    assert record.visitor_name == "李桂兰"
    assert record.phone == "13912345678"
    assert record.village == "石空村"
    assert record.category_code == "MAR-ELD"
    assert record.question == QUESTION and record.advice == ADVICE
    assert record.outcome is Outcome.MEDIATION
    assert record.special_groups == frozenset({SpecialGroup.ELDERLY})
    assert record.followup_due == core.now().date() + timedelta(days=7)
    assert record.followup_done is None
    assert record.point_id == point.id
    assert record.receiver_name == "马建国"  # the point's judge is proposed
    assert not form.isVisible()
    assert core.drafts.load("consultation:new") is None


def test_bad_id_message_appears_beside_the_id_field(qtbot, core, point, open_form):
    form = open_form()
    fill_valid_form(qtbot, form)
    qtbot.mouseClick(form.view.id_status_buttons[IdStatus.GIVEN], Qt.MouseButton.LeftButton)
    assert form.view.id_number_edit.isEnabled()
    qtbot.keyClicks(form.view.id_number_edit, BAD_CHECK_DIGIT_ID)
    qtbot.mouseClick(form.view.save_button, Qt.MouseButton.LeftButton)

    errors = form.field_errors()
    assert list(errors) == ["id_number"]
    assert "校验位" in errors["id_number"]
    error_label = form.view.rows["id_number"].error_label
    assert error_label.isVisible() and "校验位" in error_label.text()
    assert form.focusWidget() is form.view.id_number_edit
    assert form.isVisible()
    assert stored(core) == []
    # Nothing is lost: the form still holds every value, and a draft was kept.
    assert form.view.visitor_edit.text() == "李桂兰"
    assert core.drafts.load("consultation:new")["state"]["visitor_name"] == "李桂兰"


def test_missing_fields_each_get_their_message(qtbot, core, point, open_form):
    form = open_form()
    qtbot.mouseClick(form.view.save_button, Qt.MouseButton.LeftButton)
    errors = form.field_errors()
    assert set(errors) >= {"visitor_name", "category_code", "question", "advice"}
    assert errors["category_code"] == "请选择纠纷类型"
    assert form.focusWidget() is form.view.visitor_edit
    assert stored(core) == []


def test_valid_id_fills_gender_and_age_band(qtbot, open_form, point):
    form = open_form()
    qtbot.mouseClick(form.view.id_status_buttons[IdStatus.GIVEN], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form.view.id_number_edit, VALID_ID.lower())  # lower-case x is accepted
    assert form.view.gender_combo.currentData() == Gender.FEMALE.value
    assert form.view.age_combo.currentData() == AgeBand.SENIOR.value
    assert "1949年12月31日" in form.view.id_hint.text()


def test_declined_id_is_stored_as_declined(qtbot, core, point, open_form):
    form = open_form()
    fill_valid_form(qtbot, form)
    qtbot.mouseClick(form.view.id_status_buttons[IdStatus.GIVEN], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form.view.id_number_edit, VALID_ID)
    qtbot.mouseClick(form.view.id_status_buttons[IdStatus.DECLINED], Qt.MouseButton.LeftButton)
    assert not form.view.id_number_edit.isEnabled()
    assert form.save()
    (record,) = stored(core)
    assert record.id_status is IdStatus.DECLINED
    assert record.id_number == ""  # a refusal keeps no number


def test_referral_target_required_for_referrals(qtbot, core, point, open_form):
    form = open_form()
    fill_valid_form(qtbot, form)
    assert not form.view.referral_edit.isEnabled()
    choose(form.view.outcome_combo, Outcome.LEGAL_AID.value)
    assert form.view.referral_edit.isEnabled()
    assert not form.save()
    assert "转往何处" in form.field_errors()["referral_target"]
    commit_text(form.view.referral_edit, "中宁县法律援助中心")
    assert form.save()
    assert stored(core)[0].referral_target == "中宁县法律援助中心"


def test_earlier_visit_with_same_phone_is_shown(qtbot, core, point, open_form):
    earlier, _ = core.consultations.save(make_consultation(
        core, point, phone="13900001111", received_at=core.now() - timedelta(days=40)))
    form = open_form()
    panel = form.view.similar_panel
    assert panel.count() == 0
    qtbot.keyClicks(form.view.phone_edit, "13900001111")
    qtbot.waitUntil(lambda: panel.count() == 1, timeout=2000)
    assert panel.title.text() == "此人曾来访 1 次"
    row_text = panel.model.index(0, 0).data()
    assert "同一电话" in row_text and "赡养纠纷" in row_text and "当场解答" in row_text

    index = panel.model.index(0, 0)
    where = panel.view.visualRect(index).center()
    # A real double-click starts with a press (the view remembers the pressed row).
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    viewers = [w for w in form.findChildren(ConsultationForm) if w is not form]
    assert len(viewers) == 1
    viewer = viewers[0]
    assert viewer.record_id == earlier.id
    assert viewer.view.visitor_edit.isReadOnly()
    assert viewer.view.save_button.isHidden()


def test_draft_survives_closing_and_is_offered_on_reopen(qtbot, core, point, open_form):
    form = open_form()
    commit_text(form.view.visitor_edit, "马玉福")
    commit_text(form.view.question_edit, "宅基地被邻居占用")
    qtbot.mouseClick(form.view.draft_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    assert core.drafts.load("consultation:new")["state"]["visitor_name"] == "马玉福"

    again = open_form()
    assert again.view.banner.isVisible()
    assert again.view.visitor_edit.text() == ""
    qtbot.mouseClick(again.view.banner.restore_button, Qt.MouseButton.LeftButton)
    assert again.view.visitor_edit.text() == "马玉福"
    assert again.view.question_edit.toPlainText() == "宅基地被邻居占用"
    assert not again.view.banner.isVisible()

    fill_rest = again.view
    choose(fill_rest.category_picker.main_combo, "PRO")
    choose(fill_rest.category_picker.sub_combo, "PRO-HST")
    commit_text(fill_rest.advice_edit, "建议先申请调解")
    assert again.save()
    assert core.drafts.load("consultation:new") is None  # saved: the draft is gone


def test_draft_is_autosaved_and_can_be_discarded(qtbot, core, point, open_form, monkeypatch):
    monkeypatch.setattr(ConsultationForm, "AUTOSAVE_MS", 20)
    form = open_form()
    commit_text(form.view.visitor_edit, "丁国强")
    qtbot.waitUntil(lambda: core.drafts.load("consultation:new") is not None, timeout=2000)
    form.keep_draft_and_close()

    again = open_form()
    assert again.view.banner.isVisible()
    qtbot.mouseClick(again.view.banner.discard_button, Qt.MouseButton.LeftButton)
    assert core.drafts.load("consultation:new") is None
    assert again.view.visitor_edit.text() == ""


def test_closing_with_changes_asks_and_cancel_keeps_form(qtbot, core, point, open_form, monkeypatch):
    answers = [CloseChoice.CANCEL, CloseChoice.DISCARD]
    monkeypatch.setattr(ConsultationForm, "ask_unsaved_changes", lambda self: answers.pop(0))
    form = open_form()
    commit_text(form.view.visitor_edit, "海金花")
    form.save_draft()
    qtbot.mouseClick(form.view.close_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()  # 取消
    qtbot.mouseClick(form.view.close_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()  # 放弃: the draft goes too
    assert core.drafts.load("consultation:new") is None
    assert answers == []


def test_edit_existing_record_uses_its_own_draft_key(qtbot, core, point, open_form):
    record, _ = core.consultations.save(make_consultation(core, point))
    form = open_form(record.id)
    assert form.windowTitle() == "编辑法律咨询登记"
    assert form.view.visitor_edit.text() == "王秀英"
    assert form.draft_key == f"consultation:{record.id}"
    assert not form.is_dirty()
    form.view.advice_edit.clear()
    commit_text(form.view.advice_edit, "建议向人民法院起诉")
    assert form.save()
    assert core.consultations.get(record.id).advice == "建议向人民法院起诉"


def next_tab_stop(widget):
    """Where Tab goes from ``widget``: the next enabled, visible widget that takes Tab focus."""
    candidate = widget.nextInFocusChain()
    while candidate is not widget:
        if (candidate.focusPolicy() & Qt.FocusPolicy.TabFocus) and candidate.isEnabled() \
                and candidate.isVisible():
            return candidate
        candidate = candidate.nextInFocusChain()
    return widget


def test_keyboard_order_follows_the_layout(open_form, point):
    v = open_form().view
    assert next_tab_stop(v.visitor_edit) is v.phone_edit
    assert next_tab_stop(v.phone_edit) is v.gender_combo
    assert next_tab_stop(v.question_edit) is v.advice_edit
    assert v.question_edit.tabChangesFocus()  # Tab leaves a text box instead of inserting a tab
    assert next_tab_stop(v.advice_edit) is v.outcome_combo
    # The disabled referral field is skipped; the follow-up check box comes next.
    assert next_tab_stop(v.outcome_combo) is v.due_edit.check_box
    assert next_tab_stop(v.note_edit) is v.save_button


def test_unanswered_draft_offer_is_not_overwritten_by_autosave(qtbot, core, point, open_form, monkeypatch):
    monkeypatch.setattr(ConsultationForm, "AUTOSAVE_MS", 20)
    first = open_form()
    commit_text(first.view.visitor_edit, "白玉兰")
    first.keep_draft_and_close()
    second = open_form()
    assert second.view.banner.isVisible()
    commit_text(second.view.visitor_edit, "别人")
    qtbot.wait(100)  # several autosave periods
    assert core.drafts.load("consultation:new")["state"]["visitor_name"] == "白玉兰"


def test_proposed_deadline_follows_the_outcome(open_form, core, point):
    form = open_form()
    v = form.view
    assert v.due_edit.value() is None
    choose(v.outcome_combo, Outcome.LITIGATION.value)
    assert v.due_edit.value() == core.now().date() + timedelta(days=7)
    choose(v.outcome_combo, Outcome.ANSWERED.value)
    assert v.due_edit.value() is None  # it was only a proposal
    choose(v.outcome_combo, Outcome.LITIGATION.value)
    v.due_edit.set_value(core.now().date() + timedelta(days=3))  # the user's own deadline
    choose(v.outcome_combo, Outcome.ANSWERED.value)
    assert v.due_edit.value() == core.now().date() + timedelta(days=3)
