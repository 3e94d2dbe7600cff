-- 0005: history of changes to records of months already exported to the court (已报送月份).
-- Once a month has a batch, changing, deleting or restoring one of its records needs a reason;
-- the reason is kept here with the record id, the time and what changed, and the month is marked
-- as needing a new batch. Late entries into such a month are logged too (reason optional).
-- Decisions: docs/court-merge.md ("Settled months").

CREATE TABLE record_history (
    id            INTEGER PRIMARY KEY,
    table_name    TEXT NOT NULL CHECK (table_name IN ('consultation', 'education_session', 'volunteer_visit')),
    record_id     TEXT NOT NULL,
    point_id      TEXT NOT NULL,               -- the record's point before the change
    period        TEXT NOT NULL,               -- the record's month (YYYY-MM) before the change
    new_point_id  TEXT NOT NULL,               -- after the change (differs when it moved)
    new_period    TEXT NOT NULL,               -- after the change (a corrected date can move it)
    action        TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'restore')),
    reason        TEXT NOT NULL DEFAULT '',
    changes       TEXT NOT NULL DEFAULT '{}',  -- JSON {field: [old, new]}; personal fields: ["已修改"]
    changed_at    TEXT NOT NULL                -- ISO 8601, +08:00
);
CREATE INDEX record_history_record ON record_history (table_name, record_id, changed_at);
CREATE INDEX record_history_old_month ON record_history (point_id, period, changed_at);
CREATE INDEX record_history_new_month ON record_history (new_point_id, new_period, changed_at);
