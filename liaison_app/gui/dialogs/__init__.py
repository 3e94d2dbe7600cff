"""Dialogs: the consultation form, the first liaison point, small pickers."""
