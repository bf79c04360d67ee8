"""``python -m scenarios`` runs the command line."""

from scenarios.cli import console

console()
