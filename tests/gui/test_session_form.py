"""The education-session form: round trip through the widgets, views only for online sessions,
attachments copied and shown as thumbnails, messages beside the fields, drafts."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QColor, QImage

from liaison_app.domain.education import SessionFilter, SessionForm
from liaison_app.gui.dialogs.session_form import OWNER_TABLE, EducationSessionForm
from liaison_app.gui.views.session_form_view import VIEWS_UNSET

from .form_filling import choose
from .helpers import commit_text, make_session, make_volunteer


@pytest.fixture
def volunteer(core, point):
    return make_volunteer(core, point)


@pytest.fixture
def open_session_form(core, signals, show):
    def _open(record_id=None, **kwargs):
        return show(EducationSessionForm(core, signals, record_id, **kwargs))

    return _open


@pytest.fixture
def photo(tmp_path):
    """A 1600×1200 JPEG on a 'USB stick' folder."""
    folder = tmp_path / "usb"
    folder.mkdir()
    image = QImage(1600, 1200, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7"))
    path = folder / "现场照片.jpg"
    assert image.save(str(path))
    return path


def fill_session(qtbot, form: EducationSessionForm, judge_id: str, volunteer_id: str) -> None:
    v = form.view
    v.date_edit.setDate(QDate(2026, 11, 20))
    v.start_edit.setTime(QTime(9, 30))
    v.end_edit.setTime(QTime(11, 15))
    choose(v.form_combo, SessionForm.CASE_STUDY.value)
    commit_text(v.place_edit, "宁安村村委会会议室")
    commit_text(v.topic_edit, "婚姻家庭纠纷以案说法")
    v.speaker_list.set_item_checked(volunteer_id, True)   # the main speaker first
    v.speaker_list.set_item_checked(judge_id, True)
    v.audience_spin.setValue(46)
    v.materials_spin.setValue(120)
    commit_text(v.materials_note_edit, "《民法典》婚姻家庭编宣传册")
    commit_text(v.cases_edit, "彩礼返还纠纷案\n\n赡养纠纷案")
    commit_text(v.notes_edit, "村民提问踊跃")


def test_round_trip_through_the_form(qtbot, core, point, volunteer, open_session_form):
    judge = core.people.all()[0]
    form = open_session_form()
    fill_session(qtbot, form, judge.id, volunteer.id)
    assert "张德昇、马建国" in form.view.speaker_summary.text()
    with qtbot.waitSignal(form.sig_saved) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    record = core.sessions.get(saved.args[0].id)
    assert record.held_on == date(2026, 11, 20)
    assert (record.start_time.isoformat(), record.end_time.isoformat()) == ("09:30:00", "11:15:00")
    assert record.point_id == point.id
    assert record.form is SessionForm.CASE_STUDY
    assert (record.place, record.topic) == ("宁安村村委会会议室", "婚姻家庭纠纷以案说法")
    assert record.speaker_ids == (volunteer.id, judge.id)       # order of checking kept
    assert (record.audience, record.views) == (46, None)
    assert (record.materials, record.materials_note) == (120, "《民法典》婚姻家庭编宣传册")
    assert record.cases == ("彩礼返还纠纷案", "赡养纠纷案")
    assert record.notes == "村民提问踊跃"
    assert not form.isVisible()
    assert core.drafts.load("session:new") is None

    again = open_session_form(record.id)
    typed, shown = form.state(), again.state()
    assert shown["cases"] == "彩礼返还纠纷案\n赡养纠纷案"    # the blank line was dropped
    assert {k: v for k, v in shown.items() if k != "cases"} == {k: v for k, v in typed.items() if k != "cases"}
    assert again.view.speaker_list.checked_ids() == [volunteer.id, judge.id]
    assert not again.is_dirty()


def test_views_only_for_online_sessions(qtbot, core, point, volunteer, open_session_form):
    form = open_session_form()
    v = form.view
    assert not v.views_spin.isEnabled() and v.views_hint.isVisible()
    choose(v.form_combo, SessionForm.ONLINE.value)
    assert v.views_spin.isEnabled() and not v.views_hint.isVisible()
    choose(v.form_combo, SessionForm.LECTURE.value)
    assert not v.views_spin.isEnabled()

    # An online session with nobody present needs its views; the message sits under 观看人次.
    choose(v.form_combo, SessionForm.ONLINE.value)
    commit_text(v.place_edit, "线上直播间")
    commit_text(v.topic_edit, "防范电信网络诈骗")
    v.speaker_list.set_item_checked(volunteer.id, True)
    assert v.views_spin.value() == VIEWS_UNSET and v.views_spin.text() == "未填"
    assert not form.save()
    assert "观看人次" in form.field_errors()["views"]
    assert form.view.rows["views"].error_label.isVisible()
    v.views_spin.setValue(1280)
    assert "views" not in form.field_errors()
    assert form.save()
    (stored,) = core.sessions.page(SessionFilter())
    assert (stored.form, stored.audience, stored.views) == (SessionForm.ONLINE, 0, 1280)


def test_messages_appear_beside_their_fields(qtbot, core, point, volunteer, open_session_form):
    form = open_session_form()
    form.view.end_edit.setTime(QTime(8, 0))   # before the 09:00 start
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    errors = form.field_errors()
    assert set(errors) >= {"end_time", "place", "topic", "speaker_ids", "audience"}
    assert errors["end_time"] == "结束时间应晚于开始时间"
    assert form.focusWidget() is form.view.start_edit      # the first bad field, top to bottom
    assert form.isVisible()
    assert core.drafts.load("session:new") is not None     # nothing typed is lost
    form.view.end_edit.setTime(QTime(10, 0))
    assert "end_time" not in form.field_errors()            # editing clears the message


def test_attachment_is_copied_and_shown_as_thumbnail(qtbot, core, point, volunteer, open_session_form, photo):
    form = open_session_form()
    fill_session(qtbot, form, core.people.all()[0].id, volunteer.id)
    (added,) = form.add_files([photo])
    stored_copy = form.attachment_path(added)
    assert stored_copy.read_bytes() == photo.read_bytes()
    assert stored_copy.parent == core.attachments.folder and stored_copy != photo
    strip = form.view.attachments
    assert strip.count() == 1 and strip.is_thumbnail(0)
    icon = strip.list.item(0).icon()
    assert not icon.isNull()
    pixmap = icon.pixmap(strip.list.iconSize())
    assert 0 < pixmap.width() <= 120 and 0 < pixmap.height() <= 90
    assert strip.list.item(0).text() == "现场照片.jpg"

    photo.unlink()  # the stick is gone before saving: the copy is what counts
    assert form.save()
    (item,) = core.attachments.of(OWNER_TABLE, form.record_id)
    assert item.original_name == "现场照片.jpg" and core.attachments.path(item).is_file()
    reopened = open_session_form(form.record_id)
    assert reopened.view.attachments.count() == 1 and reopened.view.attachments.is_thumbnail(0)


def test_other_files_show_an_icon_and_removal_applies_on_save(qtbot, core, point, volunteer, open_session_form,
                                                               tmp_path):
    session = make_session(core, point, volunteer)
    sheet = tmp_path / "签到表.pdf"
    sheet.write_bytes(b"%PDF-1.4\n" + b"0" * 500)
    form = open_session_form(session.id)
    (item,) = form.add_files([sheet])
    assert not form.view.attachments.is_thumbnail(0)
    assert not form.view.attachments.list.item(0).icon().isNull()
    assert form.is_dirty()
    form.remove_attachment(item.id)
    assert form.view.attachments.count() == 0
    assert len(core.attachments.of(OWNER_TABLE, session.id)) == 1   # not before saving
    assert form.save()
    assert core.attachments.of(OWNER_TABLE, session.id) == []


def test_closing_a_new_form_unsaved_drops_its_copies(qtbot, core, point, volunteer, open_session_form, photo):
    form = open_session_form()
    form.add_files([photo])
    record_id = form.record_id
    form.reject()   # 关闭 → 放弃 (answered by the fixture)
    assert not form.isVisible()
    assert core.attachments.of(OWNER_TABLE, record_id) == []


def test_missing_file_gets_a_message_under_attachments(qtbot, core, point, volunteer, open_session_form, tmp_path):
    form = open_session_form()
    assert form.add_files([tmp_path / "不存在.jpg"]) == []
    assert "找不到" in form.field_errors()["attachments"]


def test_draft_keeps_the_record_id_and_its_attachments(qtbot, core, point, volunteer, open_session_form, photo):
    form = open_session_form()
    commit_text(form.view.topic_edit, "未成年人保护法进校园")
    form.add_files([photo])
    record_id = form.record_id
    qtbot.mouseClick(form.draft_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()

    again = open_session_form()
    assert again.banner.isVisible()
    qtbot.mouseClick(again.banner.restore_button, Qt.MouseButton.LeftButton)
    assert again.view.topic_edit.text() == "未成年人保护法进校园"
    assert again.record_id == record_id
    assert again.view.attachments.count() == 1
