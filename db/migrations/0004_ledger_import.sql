-- 0004: importing hand-kept ledgers (台账). Each import run is logged; each imported row leaves
-- its content fingerprint, so importing the same file (or the same rows) again adds nothing;
-- the column mapping a user chose is remembered per ledger shape. Decisions: docs/ledger-import.md.

CREATE TABLE ledger_import (
    id           TEXT PRIMARY KEY,                 -- UUID
    point_id     TEXT NOT NULL REFERENCES liaison_point (id),
    kind         TEXT NOT NULL CHECK (kind IN ('consultations', 'sessions', 'volunteers')),
    file_name    TEXT NOT NULL,                    -- name only, no folder (USB paths change)
    file_sha256  TEXT NOT NULL,
    file_format  TEXT NOT NULL,                    -- xlsx, xls, xlsb, ods, csv (by content)
    imported_at  TEXT NOT NULL,                    -- ISO 8601, +08:00
    rows_read    INTEGER NOT NULL CHECK (rows_read >= 0),
    imported     INTEGER NOT NULL CHECK (imported >= 0),
    duplicates   INTEGER NOT NULL CHECK (duplicates >= 0),
    rejected     INTEGER NOT NULL CHECK (rejected >= 0),
    with_warnings INTEGER NOT NULL CHECK (with_warnings >= 0),
    report_file  TEXT NOT NULL DEFAULT ''          -- the report workbook written, if any
);
CREATE INDEX ledger_import_point ON ledger_import (point_id, imported_at);

-- One row per imported ledger row. The fingerprint (SHA-256 hex) covers kind, point, the cleaned
-- raw text of the mapped fields and the row's occurrence number among identical rows of its file.
CREATE TABLE ledger_row (
    fingerprint  TEXT PRIMARY KEY,
    import_id    TEXT NOT NULL REFERENCES ledger_import (id),
    record_table TEXT NOT NULL CHECK (record_table IN ('consultation', 'education_session', 'person')),
    record_id    TEXT NOT NULL,
    sheet        TEXT NOT NULL,
    row_number   INTEGER NOT NULL                  -- Excel row (1-based) in that file
);
CREATE INDEX ledger_row_record ON ledger_row (record_table, record_id);
CREATE INDEX ledger_row_import ON ledger_row (import_id);

-- The column mapping last chosen for a ledger shape (kind + normalised header texts in order).
CREATE TABLE ledger_mapping (
    shape_key   TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('consultations', 'sessions', 'volunteers')),
    headers     TEXT NOT NULL,                     -- JSON list of normalised header texts
    fields      TEXT NOT NULL,                     -- JSON list, same length: field key or null
    updated_at  TEXT NOT NULL
);
