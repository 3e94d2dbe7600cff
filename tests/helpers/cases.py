"""The shared real-world input files (../shared/cases), copied into tests/fixtures/cases so the
tests run the same on any checkout; see tests/fixtures/cases/README.md for what each file is."""

from pathlib import Path

CASES = Path(__file__).resolve().parents[1] / "fixtures" / "cases"
