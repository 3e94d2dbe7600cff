"""Filling the consultation form through its widgets, as a user would."""

from __future__ import annotations

from PySide6.QtCore import Qt

from liaison_app.domain.enums import Outcome, SpecialGroup
from liaison_app.gui.dialogs.consultation_form import ConsultationForm

from .helpers import commit_text

QUESTION = "儿子儿媳不给生活费，想起诉要求支付赡养费"
ADVICE = "已释明赡养义务的法律规定，建议先由村调委会调解"


def choose(combo, value) -> None:  # type: ignore[no-untyped-def]
    """Pick the item whose data is ``value`` (as a click in the popup would)."""
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def fill_valid_form(qtbot, form: ConsultationForm, *,  # type: ignore[no-untyped-def]
                    phone: str = "13912345678") -> None:
    """Visitor, phone, village, an elderly visitor, category, question, advice, outcome 引导调解."""
    v = form.view
    commit_text(v.visitor_edit, "李桂兰")
    qtbot.keyClicks(v.phone_edit, phone)
    commit_text(v.village_edit, "石空村")
    qtbot.keyClick(v.group_boxes[SpecialGroup.ELDERLY], Qt.Key.Key_Space)  # keyboard-only entry
    choose(v.category_picker.main_combo, "MAR")
    choose(v.category_picker.sub_combo, "MAR-ELD")
    commit_text(v.question_edit, QUESTION)
    commit_text(v.advice_edit, ADVICE)
    choose(v.outcome_combo, Outcome.MEDIATION.value)
