-- 0007: indexes that keep the consultation list and its search fast at 100,000 rows and more.
-- Why and how they are used: docs/performance.md.

-- 1–2 character searches. The trigram index (0001) serves 3+ characters but finds nothing
-- shorter, and scanning search_text takes 50–70 ms at 100k rows (GUIDE §5). This index holds,
-- for every field of search_text (fields are separated by U+001F), each pair of adjacent
-- characters and the field's last character, written as hex code points by search_bigrams()
-- (liaison_app/storage/search_index.py, registered on every connection by the app): a
-- 2-character query is one token, a 1-character query a prefix query on its 8 hex digits.
-- The triggers index search_bigrams(search_text), not the text itself; the table names
-- consultation as its external content only so that reading it (a dump, the sqlite3 shell)
-- works without the function. Never run its 'rebuild' or 'integrity-check' commands (they
-- would tokenize the raw text); to rebuild it, 'delete-all' and re-run the INSERT below.
CREATE VIRTUAL TABLE consultation_bigram USING fts5 (
    search_text, content = 'consultation', content_rowid = 'rowid',
    detail = none, columnsize = 0, prefix = '8', tokenize = 'ascii'
);
INSERT INTO consultation_bigram (rowid, search_text) SELECT rowid, search_bigrams(search_text) FROM consultation;
CREATE TRIGGER consultation_bigram_insert AFTER INSERT ON consultation BEGIN
    INSERT INTO consultation_bigram (rowid, search_text) VALUES (new.rowid, search_bigrams(new.search_text));
END;
CREATE TRIGGER consultation_bigram_delete AFTER DELETE ON consultation BEGIN
    INSERT INTO consultation_bigram (consultation_bigram, rowid, search_text)
        VALUES ('delete', old.rowid, search_bigrams(old.search_text));
END;
CREATE TRIGGER consultation_bigram_update AFTER UPDATE OF search_text ON consultation
    WHEN old.search_text IS NOT new.search_text BEGIN
    INSERT INTO consultation_bigram (consultation_bigram, rowid, search_text)
        VALUES ('delete', old.rowid, search_bigrams(old.search_text));
    INSERT INTO consultation_bigram (rowid, search_text) VALUES (new.rowid, search_bigrams(new.search_text));
END;

-- The list sorts by any column and pages by key (WHERE (key, id) > (?, ?), never OFFSET):
-- one index per sort key over the rows the list shows (not deleted), the id breaking ties, so
-- the first page and every later page are one short index range whatever the table size.
CREATE INDEX consultation_list_received ON consultation (received_at, id) WHERE deleted = 0;
CREATE INDEX consultation_list_visitor ON consultation (visitor_name, id) WHERE deleted = 0;
CREATE INDEX consultation_list_phone ON consultation (phone, id) WHERE deleted = 0;
CREATE INDEX consultation_list_village ON consultation (village, id) WHERE deleted = 0;
CREATE INDEX consultation_list_outcome ON consultation (outcome, id) WHERE deleted = 0;
CREATE INDEX consultation_list_followup
    ON consultation (coalesce(followup_done, followup_due, '9999'), id) WHERE deleted = 0;
-- Sorting by point name or by dictionary order walks the (few) points or categories in order
-- and, inside each, the consultations by id.
CREATE INDEX consultation_list_point ON consultation (point_id, id) WHERE deleted = 0;
CREATE INDEX consultation_list_category ON consultation (category_code, id) WHERE deleted = 0;
CREATE INDEX liaison_point_name ON liaison_point (name);
-- Counting a search's matches: the full-text index counts them, minus the deleted ones among
-- them, listed here (a partial index no query about live rows can pick by mistake).
CREATE INDEX consultation_deleted_rows ON consultation (id) WHERE deleted = 1;

-- Month figures (start page, charts, overview, monthly report, export screen) count a month's
-- rows by point, category, outcome, mode and follow-up: this index holds every column they read,
-- so they never touch the wide table rows (question and advice make a row about 2 KB).
-- It starts with (period, point_id) and so replaces consultation_period_point (0001).
CREATE INDEX consultation_month ON consultation (
    period, point_id, deleted, category_code, outcome, mode, followup_due, followup_done, updated_at, id
);
DROP INDEX consultation_period_point;
-- Open follow-ups (overdue and pending, all months) with what their counts and lists filter on;
-- replaces consultation_followup (0001).
CREATE INDEX consultation_open_followup ON consultation (followup_due, deleted, point_id)
    WHERE followup_done IS NULL AND followup_due IS NOT NULL;
DROP INDEX consultation_followup;
CREATE INDEX category_sort_order ON category (sort_order);
