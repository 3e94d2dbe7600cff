-- 0002: legal-education sessions (普法宣讲), people details and the points they serve,
-- retired-judge volunteer visits (志愿服务记录) and attachments copied into the data folder.

ALTER TABLE person ADD COLUMN former_court TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN post TEXT NOT NULL DEFAULT '';
-- Usual availability, comma-separated slots 'mon_am', 'mon_pm', … 'sun_pm' (weekday × 上午/下午).
ALTER TABLE person ADD COLUMN availability TEXT NOT NULL DEFAULT '';
-- Most duty slots a volunteer takes in one month; NULL = no cap.
ALTER TABLE person ADD COLUMN monthly_cap INTEGER CHECK (monthly_cap IS NULL OR monthly_cap >= 0);
ALTER TABLE person ADD COLUMN note TEXT NOT NULL DEFAULT '';

CREATE TABLE person_point (
    person_id TEXT NOT NULL REFERENCES person (id),
    point_id  TEXT NOT NULL REFERENCES liaison_point (id),
    PRIMARY KEY (person_id, point_id)
);

CREATE TABLE education_session (
    id             TEXT PRIMARY KEY,
    point_id       TEXT NOT NULL REFERENCES liaison_point (id),
    held_on        TEXT NOT NULL,              -- YYYY-MM-DD
    start_time     TEXT NOT NULL,              -- HH:MM (24-hour, China time)
    end_time       TEXT NOT NULL,              -- HH:MM
    period         TEXT NOT NULL,              -- YYYY-MM of held_on
    place          TEXT NOT NULL,
    form           TEXT NOT NULL CHECK (form IN ('lecture', 'case_study', 'circuit_trial', 'online', 'outreach', 'materials')),
    topic          TEXT NOT NULL,
    audience       INTEGER NOT NULL CHECK (audience >= 0),
    views          INTEGER CHECK (views IS NULL OR views >= 0),   -- online sessions: 观看人次
    materials      INTEGER NOT NULL DEFAULT 0 CHECK (materials >= 0), -- copies handed out
    materials_note TEXT NOT NULL DEFAULT '',
    cases          TEXT NOT NULL DEFAULT '',   -- typical cases presented, one short title per line
    notes          TEXT NOT NULL DEFAULT '',
    search_text    TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX education_session_held ON education_session (held_on DESC, id);
CREATE INDEX education_session_period_point ON education_session (period, point_id);

CREATE TABLE session_speaker (
    session_id TEXT NOT NULL REFERENCES education_session (id),
    person_id  TEXT NOT NULL REFERENCES person (id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (session_id, person_id)
);
CREATE INDEX session_speaker_person ON session_speaker (person_id);

CREATE TABLE volunteer_visit (
    id           TEXT PRIMARY KEY,
    person_id    TEXT NOT NULL REFERENCES person (id),
    point_id     TEXT NOT NULL REFERENCES liaison_point (id),
    visited_on   TEXT NOT NULL,               -- YYYY-MM-DD
    arrival      TEXT NOT NULL,               -- HH:MM
    departure    TEXT NOT NULL,               -- HH:MM, after arrival on the same day
    period       TEXT NOT NULL,
    minutes      INTEGER NOT NULL CHECK (minutes > 0),
    activities   TEXT NOT NULL DEFAULT '',    -- comma-separated activity codes
    notes        TEXT NOT NULL DEFAULT '',
    shift_id     TEXT,                        -- the duty shift it fulfils, if any
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX volunteer_visit_person ON volunteer_visit (person_id, visited_on);
CREATE INDEX volunteer_visit_period_point ON volunteer_visit (period, point_id);

CREATE TABLE visit_consultation (
    visit_id        TEXT NOT NULL REFERENCES volunteer_visit (id),
    consultation_id TEXT NOT NULL REFERENCES consultation (id),
    PRIMARY KEY (visit_id, consultation_id)
);

CREATE TABLE visit_session (
    visit_id   TEXT NOT NULL REFERENCES volunteer_visit (id),
    session_id TEXT NOT NULL REFERENCES education_session (id),
    PRIMARY KEY (visit_id, session_id)
);

-- Files copied into the data folder beside the database (never left pointing at a USB stick).
CREATE TABLE attachment (
    id            TEXT PRIMARY KEY,
    owner_table   TEXT NOT NULL CHECK (owner_table IN ('education_session', 'volunteer_visit', 'consultation')),
    owner_id      TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('photo', 'sign_in', 'other')),
    stored_name   TEXT NOT NULL UNIQUE,       -- file name inside the attachments folder
    original_name TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    size_bytes    INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX attachment_owner ON attachment (owner_table, owner_id);

-- The consultation's receiver may be linked to a person (name kept as typed).
ALTER TABLE consultation ADD COLUMN receiver_id TEXT REFERENCES person (id);
