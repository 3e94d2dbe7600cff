"""Main-window pages (one per navigation entry)."""
