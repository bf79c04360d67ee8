"""Case files: YAML and JSON reading and writing, safe writes, and the JSON Schema."""

from scenarios.io._atomic import not_an_input, write_atomic
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
from scenarios.io.schema import (
    SCHEMA_PATH,
    case_schema,
    schema_reference,
    schema_text,
    write_schema,
)

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
    "not_an_input",
    "schema_reference",
    "schema_text",
    "write_atomic",
    "write_schema",
]
