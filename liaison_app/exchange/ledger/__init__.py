"""Importing hand-kept ledgers (台账) of consultations, education sessions and volunteers.

Pipeline (Qt-free; the wizard and the CLI drive it through ``core.ledger_import``):
``reader`` (file → grids) → ``headers`` (header row, proposed mapping, remembered shapes) →
``preview`` + ``build`` (rows → records with per-cell notes, using ``dates``, ``values`` and
``words``) → ``report`` (workbook of the rows not imported). Decisions: docs/ledger-import.md.
"""
