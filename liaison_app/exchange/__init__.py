"""Qt-free exchange layer."""
