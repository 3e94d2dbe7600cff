"""Free text with emoji (ZWJ sequences too), right-to-left marks, control characters, rare CJK
characters and very long text round-trips through storage, the batch (export → court merge)
and the registration PDF.

What "round-trips" means here: the text is stored as :func:`clean_text` leaves it (control
characters other than TAB/LF removed — they cannot live in an xlsx cell and mean nothing in a
record); from then on every step gives back exactly the stored text. The PDF prints each
character, or the visible placeholder 〓 for one the embedded font lacks (and reports it) —
never a different character.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from datetime import datetime

import pytest
from pypdf import PdfReader

from liaison_app.core.court import CourtService, MergeOutcome
from liaison_app.core.exports import ExportService
from liaison_app.core.reports import write_registration
from liaison_app.domain.clock import CHINA_TZ
from liaison_app.domain.enums import Outcome
from liaison_app.domain.records import Consultation
from liaison_app.domain.text import clean_text
from liaison_app.reports.fonts import PLACEHOLDER

from tests.helpers.pdf import pdf_text

LONG = ("法律咨询很长的文字没有任何标点符号一直写下去" * 1400)[:30_000]
TEXTS = {
    "emoji": "家里老人😀说：👨‍👩‍👧 一家三口，❤️‍🔥 还有国旗🇨🇳和肤色👍🏽",
    "rtl": "从右到左标记\u200f在这里，\u202e反转的文字\u202c，隔离\u2067עברית\u2069结束",
    "arabic": "混排 العربية 与中文 123",
    "controls": "控制字符\x07响铃\x0b竖表\x0c换页\x1b转义\x00空字符\x7f删除\x85下一行，制表\t保留\n换行保留",
    "rare": "扩展B区𠮷与𡈽，扩展A区㐀，生僻名字喆堃昇珺玥",
    "markup": "<民法典> & <b>粗体</b> &amp; 引号\"'",
    "formula": "=HYPERLINK(\"http://x\",\"点我\")",
    "long": LONG,
}
PERIOD = "2026-11"


@pytest.fixture
def stored(core, point):
    """One consultation per text (question, advice and follow-up note all that text)."""
    records = {}
    for index, (key, text) in enumerate(TEXTS.items()):
        record, _ = core.consultations.save(Consultation(
            point_id=point.id, received_at=datetime(2026, 11, 2 + index, 9, 30, tzinfo=CHINA_TZ),
            visitor_name="王秀英", category_code="PRO-HST", question=text, advice=text[:2000], outcome=Outcome.ANSWERED,
            followup_note=text[:500], receiver_name="马建国", village=text[:20].replace("\n", " ")))
        records[key] = record
    return records


def test_storage_keeps_the_cleaned_text_exactly(core, stored):
    for key, record in stored.items():
        loaded = core.consultations.get(record.id)
        assert loaded.question == clean_text(TEXTS[key]), key
        assert loaded.advice == clean_text(TEXTS[key][:2000]), key
    assert core.consultations.get(stored["emoji"].id).question == TEXTS["emoji"]       # ZWJ sequences kept
    assert core.consultations.get(stored["rtl"].id).question == TEXTS["rtl"]           # bidi marks kept
    assert core.consultations.get(stored["long"].id).question == LONG                  # 30,000 characters
    controls = core.consultations.get(stored["controls"].id).question
    assert controls == "控制字符响铃竖表换页转义空字符删除下一行，制表\t保留\n换行保留"


def test_batch_export_and_court_merge_give_back_the_stored_text(core, stored, tmp_path):
    path = ExportService(core).export_month(PERIOD, tmp_path / "out")[0]
    with CourtService(tmp_path / "court.db") as court:
        result = court.merge([path]).files[0]
        assert result.outcome is MergeOutcome.MERGED, result.explanation()
    conn = sqlite3.connect(tmp_path / "court.db")
    try:
        merged = {r[0]: r[1:] for r in conn.execute(
            "SELECT id, question, advice, followup_note, village FROM court_consultation")}
    finally:
        conn.close()
    for key, record in stored.items():
        again = core.consultations.get(record.id)
        assert merged[record.id] == (again.question, again.advice, again.followup_note, again.village), key


@pytest.mark.parametrize("key", [k for k in TEXTS if k != "long"])
def test_registration_pdf_prints_each_character_or_a_visible_placeholder(core, stored, tmp_path, key):
    record = core.consultations.get(stored[key].id)
    out = tmp_path / f"{key}.pdf"
    glyphs = write_registration(core, record.id, out)
    # Invisible format characters the font has (ZWJ, bidi marks) may or may not survive text
    # extraction; they are compared without. Everything else must come back as printed.
    def visible(source: str) -> str:
        return "".join(PLACEHOLDER if ch in glyphs.missing else ch for ch in source
                       if not ch.isspace() and (ch in glyphs.missing or unicodedata.category(ch) != "Cf"))

    text = visible(pdf_text(out))
    assert visible(record.question) in text, (key, glyphs.missing)
    for wrong in ("䋟", "㷞"):          # what a CID font prints instead of 𠮷 / emoji (shared/cases C29)
        assert wrong not in text


def test_registration_pdf_of_very_long_text_paginates(core, stored, tmp_path):
    out = tmp_path / "long.pdf"
    write_registration(core, stored["long"].id, out)
    reader = PdfReader(out)
    assert len(reader.pages) > 2
    assert LONG[:300] in pdf_text(out)
