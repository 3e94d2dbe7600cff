"""Qt-free scheduling layer."""
