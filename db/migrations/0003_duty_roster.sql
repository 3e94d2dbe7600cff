-- 0003: the duty roster (值班表) of retired-judge volunteers: each point's duty pattern, the
-- shifts themselves, the hand-entered holiday/调休 table that overrides chinese-calendar, and
-- volunteers' swap requests. Rules and decisions: docs/duty-roster.md.

-- How a point holds duty. One row per point; a point without a row uses the built-in default
-- (weekly, Monday–Friday, 上午 and 下午, one volunteer per half-day).
CREATE TABLE duty_pattern (
    point_id              TEXT PRIMARY KEY REFERENCES liaison_point (id),
    kind                  TEXT NOT NULL CHECK (kind IN ('weekly', 'monthly_days', 'market_days')),
    weekly_slots          TEXT NOT NULL DEFAULT '',   -- weekly: 'mon_am,thu_pm' (WeeklySlot codes)
    month_days            TEXT NOT NULL DEFAULT '',   -- monthly_days: '5,10,15,20,25,30'
    market_start          TEXT,                       -- market_days: YYYY-MM-DD of one market day
    market_every          INTEGER NOT NULL DEFAULT 5 CHECK (market_every BETWEEN 1 AND 60),
    halves                TEXT NOT NULL DEFAULT 'am,pm',  -- half-days served on date-based and 调休 days
    per_slot              INTEGER NOT NULL DEFAULT 1 CHECK (per_slot BETWEEN 1 AND 10),
    max_consecutive_days  INTEGER NOT NULL DEFAULT 3 CHECK (max_consecutive_days BETWEEN 1 AND 31),
    giveback_cutoff_days  INTEGER NOT NULL DEFAULT 2 CHECK (giveback_cutoff_days BETWEEN 0 AND 30),
    am_start              TEXT NOT NULL DEFAULT '09:00',  -- HH:MM, China time
    am_end                TEXT NOT NULL DEFAULT '12:00',
    pm_start              TEXT NOT NULL DEFAULT '14:30',
    pm_end                TEXT NOT NULL DEFAULT '17:30',
    duty_on_holidays      INTEGER NOT NULL DEFAULT 0 CHECK (duty_on_holidays IN (0, 1)),
    duty_on_weekends      INTEGER NOT NULL DEFAULT 1 CHECK (duty_on_weekends IN (0, 1)),
    duty_on_makeup_days   INTEGER NOT NULL DEFAULT 1 CHECK (duty_on_makeup_days IN (0, 1)),
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
);

-- One volunteer on duty at one point on one half-day. Open seats (gaps) are not stored: they are
-- the pattern's seats minus the shifts that fill them.
CREATE TABLE duty_shift (
    id             TEXT PRIMARY KEY,
    point_id       TEXT NOT NULL REFERENCES liaison_point (id),
    day            TEXT NOT NULL,                 -- YYYY-MM-DD
    half           TEXT NOT NULL CHECK (half IN ('am', 'pm')),
    period         TEXT NOT NULL,                 -- YYYY-MM of day
    person_id      TEXT NOT NULL REFERENCES person (id),
    state          TEXT NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'confirmed', 'leave', 'done')),
    source         TEXT NOT NULL DEFAULT 'generated' CHECK (source IN ('generated', 'manual', 'volunteer')),
    last_change    TEXT NOT NULL DEFAULT 'generated',  -- ShiftChange code: what happened last
    changed_by     TEXT REFERENCES person (id),   -- volunteer who made the last change; NULL = judge/admin
    seen_by_judge  INTEGER NOT NULL DEFAULT 1 CHECK (seen_by_judge IN (0, 1)),
    note           TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX duty_shift_point_period ON duty_shift (point_id, period, day, half);
CREATE INDEX duty_shift_person_day ON duty_shift (person_id, day);
CREATE INDEX duty_shift_unseen ON duty_shift (point_id) WHERE seen_by_judge = 0;
-- A person holds a given point's half-day at most once (a leave row does not count).
CREATE UNIQUE INDEX duty_shift_one_seat_each ON duty_shift (point_id, day, half, person_id)
    WHERE deleted = 0 AND state <> 'leave';

-- Hand-entered calendar days; they take precedence over chinese-calendar (needed for a year
-- the library does not cover yet, or for a local change).
CREATE TABLE duty_calendar_day (
    day         TEXT PRIMARY KEY,                 -- YYYY-MM-DD
    kind        TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
    note        TEXT NOT NULL DEFAULT '',         -- e.g. 元旦, 春节调休上班
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- A volunteer asks a named colleague to take over (their_shift_id NULL) or to exchange shifts.
CREATE TABLE duty_swap_request (
    id              TEXT PRIMARY KEY,
    shift_id        TEXT NOT NULL REFERENCES duty_shift (id),
    from_person_id  TEXT NOT NULL REFERENCES person (id),
    to_person_id    TEXT NOT NULL REFERENCES person (id),
    their_shift_id  TEXT REFERENCES duty_shift (id),
    state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'declined', 'cancelled')),
    note            TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    answered_at     TEXT
);
CREATE INDEX duty_swap_request_to ON duty_swap_request (to_person_id, state);
