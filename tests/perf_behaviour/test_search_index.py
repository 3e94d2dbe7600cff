"""Search as you type reads an index for every needle length: the bigram index (migration 0007)
for 1–2 characters, the trigram index (0001) for 3+ — never a scan of ``consultation`` — and
finds exactly what a brute-force substring scan finds (property test on random data, through
inserts, updates and deletes that the triggers must follow)."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import timedelta
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liaison_app.core import Core
from liaison_app.domain.enums import Outcome
from liaison_app.domain.records import Consultation, ConsultationFilter
from liaison_app.domain.text import normalise_for_search
from liaison_app.storage import consultations as storage_consultations
from liaison_app.storage.consultations import search_text_of
from liaison_app.storage.database import open_database
from liaison_app.storage.search_index import bigram_match, search_bigrams

from tests.conftest import FIXED_NOW
from tests.perf_behaviour.helpers import add_points, bulk_consultations

NEEDLES = {
    "1 character": "王",
    "2 characters": "离婚",
    "3 characters": "宅基地",
    "6 characters": "调解不成可以",
    "a name": "王秀英",
    "4 phone digits": "1111",
}


def plan_of(core: Core, sql: str, params: list[object]) -> list[str]:
    return [row[-1] for row in core.db.execute("EXPLAIN QUERY PLAN " + sql, params)]


def assert_index_only(details: list[str], needle: str) -> None:
    table = "consultation_bigram" if len(needle) < 3 else "consultation_fts"
    assert any(d.startswith(f"SCAN {table} VIRTUAL TABLE") for d in details), details
    # A bare "SCAN c" is a full scan of the consultation table; "SCAN c USING INDEX …" walks
    # the list index in order and stops after a page.
    assert not any(d == "SCAN c" or d.startswith("SCAN c ") and "INDEX" not in d for d in details), details


@pytest.mark.parametrize("needle", NEEDLES.values(), ids=NEEDLES.keys())
@pytest.mark.parametrize("text_drives", [True, False], ids=["few matches", "many matches"])
def test_search_reads_the_full_text_index_not_the_table(core, point, needle, text_drives):
    bulk_consultations(core, [point], 50)
    repo = core.consultations.repo
    flt = ConsultationFilter(text=needle)
    where, params = repo._where(flt, FIXED_NOW.date())
    assert_index_only(plan_of(core, f"SELECT count(*) FROM consultation c{where}", params), needle)

    statements: list[tuple[str, list[object]]] = []
    original = repo.db.execute

    def spy(sql, params=()):  # type: ignore[no-untyped-def]
        if sql.startswith("SELECT c.id"):
            statements.append((sql, list(params)))
        return original(sql, params)

    with mock.patch.object(storage_consultations, "DRIVE_BY_TEXT_MAX", 10**9 if text_drives else -1), \
            mock.patch.object(repo.db, "execute", spy):
        core.consultations.list_page(flt, limit=20)
    assert statements
    for sql, params in statements:
        details = plan_of(core, sql, params)
        assert_index_only(details, needle)
        if not text_drives:
            assert any("consultation_list_received" in d for d in details), details


def test_short_needles_are_bigram_tokens_and_prefixes():
    assert bigram_match("王") == "0000738b*"  # U+738B: every token starting with it
    assert bigram_match("离婚") == "000079bb00005a5a"
    tokens = set(search_bigrams("王秀\x1f1").split())
    assert tokens == {"0000738b000079c0", "000079c0", "00000031"}  # pairs and each field's last character


# -- the same rows as a brute-force scan ------------------------------------------------------

ALPHABET = list("王秀英离婚宅基地村调解不成可以起诉0123456789abcx-，。（）·")
texts = st.text(alphabet=ALPHABET, min_size=0, max_size=12)


@pytest.fixture(scope="module")
def search_core(migrated_template, tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "liaison.db"
    shutil.copy(migrated_template, path)
    core = Core(open_database(path), path, now=lambda: FIXED_NOW)
    point = add_points(core, 1)[0]
    yield core, point
    core.close()


def record(point_id: str, n: int, name: str, question: str, village: str, phone: str) -> Consultation:
    moment = FIXED_NOW - timedelta(hours=n)
    return Consultation(point_id=point_id, received_at=moment, visitor_name=name, category_code="MAR-DIV",
                        question=question or "问", advice="答", outcome=Outcome.ANSWERED, village=village,
                        phone=phone, created_at=moment, updated_at=moment)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(texts, texts, texts, st.text(alphabet="0123456789", max_size=11)),
                     min_size=1, max_size=25),
       edits=st.lists(st.tuples(st.integers(min_value=0, max_value=24), texts), max_size=5),
       removed=st.sets(st.integers(min_value=0, max_value=24), max_size=3),
       needle=st.text(alphabet=ALPHABET, min_size=1, max_size=4),
       text_drives=st.booleans())
def test_search_finds_exactly_the_substring_matches(search_core, rows, edits, removed, needle, text_drives):
    core, point = search_core
    repo = core.consultations.repo
    with core.db.atomic():
        core.db.execute("DELETE FROM consultation")  # the delete triggers empty both indexes
        records = [record(point.id, n, *values) for n, values in enumerate(rows)]
        repo.insert_many(records)
        for index, question in edits:  # updates re-index the changed search text
            if index < len(records):
                records[index] = replace(records[index], question=question or "改")
                repo.update(records[index])
        for index in removed:  # hard deletes (the app only soft-deletes; triggers must follow both)
            if index < len(records):
                core.db.execute("DELETE FROM consultation WHERE id = ?", (records[index].id,))
        kept = [r for i, r in enumerate(records) if i not in removed]

    folded = normalise_for_search(needle)
    expected = {r.id for r in kept if folded in search_text_of(r)}
    flt = ConsultationFilter(text=needle)
    with mock.patch.object(storage_consultations, "DRIVE_BY_TEXT_MAX", 10**9 if text_drives else -1):
        page = core.consultations.list_page(flt, limit=100)
    assert {row.id for row in page.rows} == expected
    assert core.consultations.count(flt) == len(expected)
