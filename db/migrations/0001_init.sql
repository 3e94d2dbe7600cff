-- 0001: liaison points, people, dispute categories, consultations with search index,
-- form drafts, settings and the log of exported batches.
-- Conventions: ids are UUID text; timestamps are ISO 8601 with offset (+08:00);
-- dates are YYYY-MM-DD; `deleted` is a soft-delete mark (0/1) so deletions travel in batches.

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE liaison_point (
    id          TEXT PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    court       TEXT NOT NULL,
    township    TEXT NOT NULL DEFAULT '',
    village     TEXT NOT NULL DEFAULT '',
    judge_name  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);

CREATE TABLE person (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('judge', 'volunteer')),
    phone       TEXT NOT NULL DEFAULT '',
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);

CREATE TABLE category (
    code         TEXT PRIMARY KEY,
    level        INTEGER NOT NULL CHECK (level IN (1, 2)),
    parent_code  TEXT REFERENCES category (code),
    name_zh      TEXT NOT NULL,
    name_en      TEXT NOT NULL DEFAULT '',
    source_part  TEXT NOT NULL DEFAULT '',
    dict_version TEXT NOT NULL,
    sort_order   INTEGER NOT NULL
);

CREATE TABLE consultation (
    id                    TEXT PRIMARY KEY,
    point_id              TEXT NOT NULL REFERENCES liaison_point (id),
    received_at           TEXT NOT NULL,          -- ISO 8601, +08:00
    period                TEXT NOT NULL,          -- YYYY-MM of received_at (China time)
    mode                  TEXT NOT NULL CHECK (mode IN ('onsite', 'phone', 'online', 'home')),
    receiver_name         TEXT NOT NULL,
    visitor_name          TEXT NOT NULL,
    gender                TEXT NOT NULL CHECK (gender IN ('male', 'female', 'unknown')),
    age_band              TEXT NOT NULL CHECK (age_band IN ('under18', '18_35', '36_59', '60plus', 'unknown')),
    phone                 TEXT NOT NULL DEFAULT '',
    id_status             TEXT NOT NULL CHECK (id_status IN ('given', 'declined', 'not_asked')),
    id_number             TEXT NOT NULL DEFAULT '',
    village               TEXT NOT NULL DEFAULT '',
    special_groups        TEXT NOT NULL DEFAULT '',   -- comma-separated SpecialGroup codes, sorted
    category_code         TEXT NOT NULL REFERENCES category (code),
    category_dict_version TEXT NOT NULL,
    question              TEXT NOT NULL,
    advice                TEXT NOT NULL,
    outcome               TEXT NOT NULL CHECK (outcome IN ('answered', 'mediation', 'litigation', 'legal_aid', 'department', 'other')),
    referral_target       TEXT NOT NULL DEFAULT '',
    followup_due          TEXT,                   -- YYYY-MM-DD or NULL (none due)
    followup_done         TEXT,                   -- YYYY-MM-DD or NULL (not yet)
    followup_note         TEXT NOT NULL DEFAULT '',
    paper_form_no         TEXT,                   -- NULL when entered directly
    search_text           TEXT NOT NULL DEFAULT '',   -- normalised text the search runs over
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    deleted               INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    CHECK (id_status = 'given' OR id_number = '')
);

CREATE INDEX consultation_received ON consultation (received_at DESC, id);
CREATE INDEX consultation_period_point ON consultation (period, point_id);
CREATE INDEX consultation_phone ON consultation (phone) WHERE phone <> '';
CREATE INDEX consultation_id_number ON consultation (id_number) WHERE id_number <> '';
CREATE INDEX consultation_village_name ON consultation (village, visitor_name);
CREATE INDEX consultation_followup ON consultation (followup_due) WHERE followup_done IS NULL AND followup_due IS NOT NULL;
-- A paper form is entered exactly once per point (deleted records keep their number reserved).
CREATE UNIQUE INDEX consultation_paper_form ON consultation (point_id, paper_form_no) WHERE paper_form_no IS NOT NULL;

-- Trigram full-text index over search_text: 3+ character substrings (GUIDE §5).
CREATE VIRTUAL TABLE consultation_fts USING fts5 (
    search_text, content = 'consultation', content_rowid = 'rowid', tokenize = 'trigram'
);
CREATE TRIGGER consultation_fts_insert AFTER INSERT ON consultation BEGIN
    INSERT INTO consultation_fts (rowid, search_text) VALUES (new.rowid, new.search_text);
END;
CREATE TRIGGER consultation_fts_delete AFTER DELETE ON consultation BEGIN
    INSERT INTO consultation_fts (consultation_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
CREATE TRIGGER consultation_fts_update AFTER UPDATE OF search_text ON consultation BEGIN
    INSERT INTO consultation_fts (consultation_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO consultation_fts (rowid, search_text) VALUES (new.rowid, new.search_text);
END;

-- Half-filled forms, saved as the user types, so an accidental close loses nothing.
CREATE TABLE draft (
    key       TEXT PRIMARY KEY,       -- e.g. 'consultation:new' or 'consultation:<id>'
    payload   TEXT NOT NULL,          -- JSON of the form's fields
    saved_at  TEXT NOT NULL
);

-- Every batch workbook written, so a re-export of a month gets the next sequence number.
CREATE TABLE batch_export (
    id           TEXT PRIMARY KEY,        -- batch id (UUID), also in the manifest
    point_id     TEXT NOT NULL REFERENCES liaison_point (id),
    period       TEXT NOT NULL,
    seq          INTEGER NOT NULL,
    exported_at  TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    row_counts   TEXT NOT NULL,           -- JSON {sheet: rows}
    checksum     TEXT NOT NULL,
    masked       INTEGER NOT NULL CHECK (masked IN (0, 1)),
    UNIQUE (point_id, period, seq)
);
