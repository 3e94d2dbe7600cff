"""The only package with SQL strings or ``import sqlite_utils``."""
