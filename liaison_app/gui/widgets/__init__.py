"""Reusable widgets that own their small piece of logic."""
