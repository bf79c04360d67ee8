"""Rendering: argument maps with Graphviz, written safely."""

from scenarios.render.argument_map import EDGE_STYLES, NODE_STYLES, argument_map
from scenarios.render.argument_view import argument_view
from scenarios.render.output import choose_engine, render, write_diagram

__all__ = [
    "EDGE_STYLES",
    "NODE_STYLES",
    "argument_map",
    "argument_view",
    "choose_engine",
    "render",
    "write_diagram",
]
