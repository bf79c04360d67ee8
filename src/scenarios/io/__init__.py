"""Case files: YAML and JSON reading and writing, and the JSON Schema."""

from scenarios.io.files import (
    DEFAULT_LIMITS,
    FORMATS,
    Limits,
    SourceMap,
    dump,
    dumps,
    format_of,
    load,
    loads,
)
from scenarios.io.schema import SCHEMA_PATH, case_schema, schema_text

__all__ = [
    "DEFAULT_LIMITS",
    "FORMATS",
    "SCHEMA_PATH",
    "Limits",
    "SourceMap",
    "case_schema",
    "dump",
    "dumps",
    "format_of",
    "load",
    "loads",
    "schema_text",
]
