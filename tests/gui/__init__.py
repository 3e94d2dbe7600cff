"""GUI tests (pytest-qt, offscreen). A package so ``gui.helpers`` cannot clash with other helpers."""
