-- 0001: the court's merge database (法院汇总库). Separate from a liaison point's database: it
-- holds the merged batches of every point and month, the points seen, and the merged rows of each
-- kind keyed by record UUID with point code, period and batch id. Run by the same migration
-- runner as db/migrations (storage/migrations.py), which also seeds `category`.
-- Values are stored as the batch carries them (Chinese labels, masked or full personal data as
-- the point chose); dates YYYY-MM-DD, times HH:MM, datetimes ISO 8601 with +08:00.
-- Rules: docs/court-merge.md.

PRAGMA application_id = 1279480404;  -- 'LCRT': tells a court database from a point database

-- The dispute-category dictionary (same shape as the point database; seeded by the runner) so a
-- merge can check 纠纷类型编码 and the summary can group by level-1 category.
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

-- Every liaison point a batch has come from (name and court as in its latest merged batch).
CREATE TABLE court_point (
    code          TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    court         TEXT NOT NULL,
    first_period  TEXT NOT NULL,      -- earliest month merged: the point is expected from then on
    first_seen_at TEXT NOT NULL,
    last_seen_at  TEXT NOT NULL
);

-- Every merged batch. The current batch of a point and month is the one with replaced_by NULL;
-- a higher seq replaces it (its rows are deleted, this log row stays).
CREATE TABLE court_batch (
    batch_id         TEXT PRIMARY KEY,
    point_code       TEXT NOT NULL REFERENCES court_point (code),
    period           TEXT NOT NULL,
    seq              INTEGER NOT NULL CHECK (seq >= 1),
    point_name       TEXT NOT NULL,
    court            TEXT NOT NULL,
    file_name        TEXT NOT NULL,
    file_sha256      TEXT NOT NULL,           -- SHA-256 of the workbook file's bytes
    data_checksum    TEXT NOT NULL,           -- 数据校验 from the manifest
    exported_at      TEXT NOT NULL,           -- 导出时间 from the manifest
    merged_at        TEXT NOT NULL,
    accepted_edited  INTEGER NOT NULL DEFAULT 0 CHECK (accepted_edited IN (0, 1)),
    masked           INTEGER NOT NULL CHECK (masked IN (0, 1)),
    key_fingerprint  TEXT NOT NULL DEFAULT '', -- '' = the point had no court key
    app_version      TEXT NOT NULL DEFAULT '',
    format_version   INTEGER NOT NULL,
    consultations    INTEGER NOT NULL,        -- rows per data sheet
    sessions         INTEGER NOT NULL,
    visits           INTEGER NOT NULL,
    shifts           INTEGER NOT NULL,
    replaced_by      TEXT,                    -- batch id of the higher seq that replaced it
    replaced_at      TEXT,
    UNIQUE (point_code, period, seq)
);
CREATE UNIQUE INDEX court_batch_current ON court_batch (point_code, period) WHERE replaced_by IS NULL;
CREATE INDEX court_batch_period ON court_batch (period);

CREATE TABLE court_consultation (
    point_code       TEXT NOT NULL,
    period           TEXT NOT NULL,
    batch_id         TEXT NOT NULL REFERENCES court_batch (batch_id),
    id               TEXT NOT NULL,
    received_at      TEXT NOT NULL,
    mode             TEXT NOT NULL,
    receiver_name    TEXT NOT NULL DEFAULT '',
    visitor_name     TEXT NOT NULL DEFAULT '',
    gender           TEXT NOT NULL,
    age_band         TEXT NOT NULL,
    phone            TEXT NOT NULL DEFAULT '',
    id_number        TEXT NOT NULL DEFAULT '',
    id_status        TEXT NOT NULL,
    visitor_key      TEXT NOT NULL DEFAULT '',
    village          TEXT NOT NULL DEFAULT '',
    special_groups   TEXT NOT NULL DEFAULT '',
    category_code    TEXT NOT NULL,
    category_name    TEXT NOT NULL DEFAULT '',
    dict_version     TEXT NOT NULL DEFAULT '',
    question         TEXT NOT NULL DEFAULT '',
    advice           TEXT NOT NULL DEFAULT '',
    outcome          TEXT NOT NULL,
    referral_target  TEXT NOT NULL DEFAULT '',
    followup_due     TEXT,
    followup_done    TEXT,
    followup_note    TEXT NOT NULL DEFAULT '',
    paper_form_no    TEXT NOT NULL DEFAULT '',
    updated_at       TEXT NOT NULL,
    deleted          INTEGER NOT NULL CHECK (deleted IN (0, 1)),
    PRIMARY KEY (point_code, period, id)
);
CREATE INDEX court_consultation_batch ON court_consultation (batch_id);
CREATE INDEX court_consultation_id ON court_consultation (id);
CREATE INDEX court_consultation_period ON court_consultation (period, point_code);
CREATE INDEX court_consultation_visitor ON court_consultation (visitor_key) WHERE visitor_key <> '';

CREATE TABLE court_session (
    point_code       TEXT NOT NULL,
    period           TEXT NOT NULL,
    batch_id         TEXT NOT NULL REFERENCES court_batch (batch_id),
    id               TEXT NOT NULL,
    held_on          TEXT NOT NULL,
    start_time       TEXT NOT NULL,
    end_time         TEXT NOT NULL,
    form             TEXT NOT NULL,
    place            TEXT NOT NULL DEFAULT '',
    topic            TEXT NOT NULL DEFAULT '',
    speakers         TEXT NOT NULL DEFAULT '',
    audience         INTEGER NOT NULL,
    views            INTEGER,
    materials        INTEGER NOT NULL,
    materials_note   TEXT NOT NULL DEFAULT '',
    cases            TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    updated_at       TEXT NOT NULL,
    deleted          INTEGER NOT NULL CHECK (deleted IN (0, 1)),
    PRIMARY KEY (point_code, period, id)
);
CREATE INDEX court_session_batch ON court_session (batch_id);
CREATE INDEX court_session_id ON court_session (id);

CREATE TABLE court_visit (
    point_code       TEXT NOT NULL,
    period           TEXT NOT NULL,
    batch_id         TEXT NOT NULL REFERENCES court_batch (batch_id),
    id               TEXT NOT NULL,
    visited_on       TEXT NOT NULL,
    arrival          TEXT NOT NULL,
    departure        TEXT NOT NULL,
    volunteer        TEXT NOT NULL,
    minutes          INTEGER NOT NULL,
    hours            REAL NOT NULL,
    activities       TEXT NOT NULL DEFAULT '',
    consultations    INTEGER NOT NULL,
    sessions         INTEGER NOT NULL,
    notes            TEXT NOT NULL DEFAULT '',
    updated_at       TEXT NOT NULL,
    deleted          INTEGER NOT NULL CHECK (deleted IN (0, 1)),
    PRIMARY KEY (point_code, period, id)
);
CREATE INDEX court_visit_batch ON court_visit (batch_id);
CREATE INDEX court_visit_id ON court_visit (id);

CREATE TABLE court_shift (
    point_code       TEXT NOT NULL,
    period           TEXT NOT NULL,
    batch_id         TEXT NOT NULL REFERENCES court_batch (batch_id),
    id               TEXT NOT NULL,
    day              TEXT NOT NULL,
    half             TEXT NOT NULL,
    volunteer        TEXT NOT NULL,
    shift_state      TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted          INTEGER NOT NULL CHECK (deleted IN (0, 1)),
    PRIMARY KEY (point_code, period, id)
);
CREATE INDEX court_shift_batch ON court_shift (batch_id);
CREATE INDEX court_shift_id ON court_shift (id);
