"""Qt-free reports layer."""
