"""``python -m lexgraph`` runs the CLI."""

from lexgraph.cli import main

main()
