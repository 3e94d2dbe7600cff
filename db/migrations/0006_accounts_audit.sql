-- 0006: local user accounts with roles, and the append-only audit trail (审计记录).
-- Roles: admin (管理员: people, points, settings, accounts, restore), judge (法官: all records),
-- volunteer (志愿者: own visits, consultations they received, the roster).
-- A database without accounts is used as before by the built-in system actor (CLI, demo, tests).
-- Decisions: docs/accounts-audit.md.

CREATE TABLE user_account (
    id            TEXT PRIMARY KEY,                  -- UUID
    login         TEXT NOT NULL COLLATE NOCASE UNIQUE,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'judge', 'volunteer')),
    person_id     TEXT REFERENCES person (id),       -- optional link to the people list
    -- 'scrypt$n=32768,r=8,p=1$<salt base64>$<key base64>': parameters and salt travel with the hash
    password_hash TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- Who did what to which record, and which fields changed ({field: [old, new]}). Personal
-- fields (visitor name, phone, ID number) are stored masked (张*, 138****1234), so the log holds
-- no full personal data. Rows are never changed or removed: the triggers below refuse it.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,                        -- ISO 8601, +08:00
    user_id     TEXT NOT NULL DEFAULT '',             -- '' = the system actor (no accounts / CLI)
    user_name   TEXT NOT NULL,                        -- snapshot at the time
    user_role   TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore', 'reveal', 'export',
                                                'login', 'login_failed', 'unlock', 'restore_db')),
    table_name  TEXT NOT NULL DEFAULT '',
    record_id   TEXT NOT NULL DEFAULT '',
    changes     TEXT NOT NULL DEFAULT '{}',           -- JSON {field: [old, new]}
    note        TEXT NOT NULL DEFAULT ''              -- e.g. the reason, the file written
);
CREATE INDEX audit_log_record ON audit_log (table_name, record_id, id);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
