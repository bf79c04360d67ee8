"""Optional dependencies, imported only when a feature that needs them is used."""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["require"]


def require(module: str, *, extra: str, feature: str) -> ModuleType:
    """Import `module`, or raise an ImportError that says how to install it.

    Examples:
        >>> require("json", extra="none", feature="this example").__name__
        'json'
        >>> require("no_such_module", extra="stuff", feature="frobnicate")
        Traceback (most recent call last):
        ...
        ImportError: frobnicate needs no_such_module: pip install 'scenarios[stuff]' ...
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise ImportError(
            f"{feature} needs {module}: pip install 'scenarios[{extra}]' (or pip install {module})"
        ) from None
