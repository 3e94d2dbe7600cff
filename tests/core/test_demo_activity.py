"""Demo data covers sessions and visits; the headline figure equals the sum of its parts."""

from liaison_app.core.demo import fill_demo
from liaison_app.domain import clock
from liaison_app.domain.education import SessionFilter
from liaison_app.domain.records import ConsultationFilter


def test_demo_has_sessions_and_visits_with_realistic_sizes(core):
    summary = fill_demo(core, points=2, months=3, seed=7)
    assert summary.sessions > 0 and summary.visits > 0
    sessions = core.sessions.page(SessionFilter(), limit=1000)
    assert len(sessions) == summary.sessions
    on_site = [s.audience for s in sessions if s.views is None]
    assert on_site and min(on_site) >= 20 and max(on_site) <= 300
    visits = core.visits.between(clock.period_bounds(summary.first_period)[0], core.now().date())
    assert len(visits) == summary.visits
    assert all(2.0 <= float(v.hours) <= 4.0 for v in visits)  # about a half-day each
    assert any(v.consultation_ids for v in visits)        # some visits link the consultations received


def test_headline_equals_sum_of_parts_on_demo_data(core):
    summary = fill_demo(core, points=3, months=4, seed=3)
    period = clock.shift_period(summary.last_period, -1)
    figures = core.overview(period)
    consultations = core.consultations.count(ConsultationFilter(period=period))
    audience = sum(s.audience for s in core.sessions.page(SessionFilter(period=period), limit=10_000))
    assert figures.consultations == consultations > 0
    assert figures.audience == audience > 0
    assert figures.service_persons == consultations + audience
    per_point = [core.overview(period, p.id).service_persons for p in core.points.all()]
    assert sum(per_point) == figures.service_persons
