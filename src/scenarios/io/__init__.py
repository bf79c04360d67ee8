"""Files in and out: case files, their schema, source texts, and other tools' formats.

The other formats: AIF, Argdown, Carneades, ICCMA, ACH matrices as CSV, GraphML, pandas.

Every reader raises `scenarios.CaseFileError` with each problem located at file:line:col;
every writer goes through `write_atomic` (nothing half-written, nothing earlier lost).
"""

from scenarios.io._aif import AIF_TYPES, AifImport, parse_aif, read_aif, to_aif
from scenarios.io._argdown import (
    ArgdownArgument,
    ArgdownDocument,
    ArgdownImport,
    ArgdownStatement,
    argdown_to_case,
    parse_argdown,
    read_argdown,
    to_argdown,
)
from scenarios.io._atomic import not_an_input, write_atomic
from scenarios.io._carneades import is_carneades, parse_carneades, read_carneades
from scenarios.io._convert import (
    CONVERT_FORMATS,
    Conversion,
    ConvertFormat,
    FileKind,
    Loss,
    convert,
    convert_format_of,
    guess_format,
    losses,
    read_as,
    write_as,
)
from scenarios.io._files import (
    CASE_SUFFIXES,
    DEFAULT_LIMITS,
    CaseFormat,
    Limits,
    SourceMap,
    case_format_of,
    dump,
    dumps,
    load,
    loads,
)
from scenarios.io._graph import graph_edges, graph_nodes, graphml, to_networkx
from scenarios.io._iccma import (
    ICCMA_FORMATS,
    PROBLEMS,
    Answer,
    IccmaFormat,
    Problem,
    iccma_format_of,
    parse_iccma,
    read_iccma,
    write_iccma,
)
from scenarios.io._matrix import MatrixImport, parse_matrix_csv, read_matrix_csv
from scenarios.io._scaffold import new_case
from scenarios.io._schema import (
    SCHEMA_PATH,
    case_schema,
    schema_reference,
    schema_text,
    write_schema,
)
from scenarios.io._tables import evidence_frame, links_frame
from scenarios.io._texts import MAX_TEXT_BYTES, SourceTexts, TextProblem, read_source_texts

__all__ = [
    "AIF_TYPES",
    "CASE_SUFFIXES",
    "CONVERT_FORMATS",
    "DEFAULT_LIMITS",
    "ICCMA_FORMATS",
    "MAX_TEXT_BYTES",
    "PROBLEMS",
    "SCHEMA_PATH",
    "AifImport",
    "Answer",
    "ArgdownArgument",
    "ArgdownDocument",
    "ArgdownImport",
    "ArgdownStatement",
    "CaseFormat",
    "Conversion",
    "ConvertFormat",
    "FileKind",
    "IccmaFormat",
    "Limits",
    "Loss",
    "MatrixImport",
    "Problem",
    "SourceMap",
    "SourceTexts",
    "TextProblem",
    "argdown_to_case",
    "case_format_of",
    "case_schema",
    "convert",
    "convert_format_of",
    "dump",
    "dumps",
    "evidence_frame",
    "graph_edges",
    "graph_nodes",
    "graphml",
    "guess_format",
    "iccma_format_of",
    "is_carneades",
    "links_frame",
    "load",
    "loads",
    "losses",
    "new_case",
    "not_an_input",
    "parse_aif",
    "parse_argdown",
    "parse_carneades",
    "parse_iccma",
    "parse_matrix_csv",
    "read_aif",
    "read_argdown",
    "read_as",
    "read_carneades",
    "read_iccma",
    "read_matrix_csv",
    "read_source_texts",
    "schema_reference",
    "schema_text",
    "to_aif",
    "to_argdown",
    "to_networkx",
    "write_as",
    "write_atomic",
    "write_iccma",
    "write_schema",
]
