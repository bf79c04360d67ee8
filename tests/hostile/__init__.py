"""Hostile inputs and faults: injection, bad files, signals, silent loss (issue 19)."""
