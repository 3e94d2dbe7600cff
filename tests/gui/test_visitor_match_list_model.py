"""VisitorMatchListModel passes the model tester."""

from __future__ import annotations

from liaison_app.gui.models.visitor_match_list_model import MatchRole, VisitorMatchListModel

from .helpers import make_consultation


def test_visitor_matches_model(qtmodeltester, core, point):
    core.consultations.save(make_consultation(core, point, phone="13900001111"))
    matches = core.consultations.similar_visitors(phone="13900001111")
    model = VisitorMatchListModel(core.consultations.category_name)
    model.set_matches(matches)
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 1
    text = model.index(0, 0).data()
    assert "王秀英" in text and "同一电话" in text and "赡养纠纷" in text
    assert model.index(0, 0).data(MatchRole).consultation_id == matches[0].consultation_id
