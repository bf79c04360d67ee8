"""`scenarios serve`: the HTML report on 127.0.0.1, rebuilt when the case or its texts change.

The page is the report `scenarios report` writes (`report_page`: texts are found as
there), kept in memory. A thread looks at the case file, its texts and the files under
``--sources`` every half second (size, times, inode) and rebuilds once a burst of saves
is over. A case that cannot be read or analysed gives a page with the message the
command line would print, until the next good save: the server never stops for a case.

The report stays free of the case's script: the page's Content-Security-Policy adds to
the report's only ``script-src 'self'`` and ``connect-src 'self'``, for ``/_live.js``
(a ``<script src>`` carrying the page's version), which polls ``/_version`` and reloads
on a change. Loopback only; only requests whose ``Host`` names the server (no DNS
rebinding); three paths, no file from the disk.
"""

from __future__ import annotations

import argparse
import errno
import os
import secrets
import socketserver
import sys
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any, Final, TextIO

from scenarios.checks import CheckReport
from scenarios.cli._base import EXIT_OK, add_timeout, command, said
from scenarios.cli._outputs import report_page
from scenarios.errors import OptionError, PathNotFoundError
from scenarios.render import html_text, visible

__all__ = ["HOST", "POLICY", "Preview", "PreviewServer", "add_serve", "error_html", "live_html"]

HOST: Final = "127.0.0.1"
"""The only address served: loopback, never the network."""
POLL: Final = 0.5
"""Seconds between two looks at the watched files."""
MAX_WATCHED: Final = 5000
"""Most files watched (the case, its texts and the files under ``--sources``)."""

REPORT_POLICY: Final = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
"""The report's own policy, as its template writes it in a ``<meta>`` element."""
POLICY: Final = f"{REPORT_POLICY}; script-src 'self'; connect-src 'self'; base-uri 'none'"
"""The served page's policy: the report's, plus the one same-origin script and its polls."""
_REPORT_META: Final = f'<meta http-equiv="Content-Security-Policy" content="{REPORT_POLICY}">'
_HEADERS: Final = {
    "Content-Security-Policy": f"{POLICY}; form-action 'none'; frame-ancestors 'none'",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",  # /_version and / are never run as a script
    "Cross-Origin-Resource-Policy": "same-origin",
    "Referrer-Policy": "no-referrer",
}

LIVE_JS: Final = (resources.files("scenarios.cli") / "live.js").read_text(encoding="utf-8")
"""The one script the page runs: it reads nothing from the page but its own version."""

Stamp = tuple[int, int, int, int] | None
"""A file's modification and change times, size and inode; None when it is absent."""


def live_html(page: str, version: str) -> str:
    """The page with the served policy and the live-reload script in place of its policy.

    Raises:
        ValueError: The page does not carry the report's policy (the template changed:
            the served policy must be reviewed with it).
    """
    head, found, rest = page.partition(_REPORT_META)
    if not found:
        raise ValueError("the page does not carry the report's Content-Security-Policy")
    served = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
    script = f'<script src="/_live.js" data-version="{version}" defer></script>'
    return f"{head}{served}\n{script}{rest}"


def _text(text: str) -> str:
    """Text for HTML element content: controls shown (`visible`), markup as entities."""
    return html_text(visible(text))


def error_html(case_file: str, message: str) -> str:
    """A page showing why the case gives no report; every text in it escaped here."""
    name = _text(case_file)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"{_REPORT_META}\n<title>{name}: error</title>\n<style>\n"
        "  body { font: 15px/1.5 system-ui, sans-serif; margin: 24px; color: #1f2328; }\n"
        "  pre { background: #fff5f5; border: 1px solid #f5c2c0; padding: 12px;"
        " white-space: pre-wrap; }\n</style>\n</head>\n<body>\n"
        f"<h1>{name}: no report</h1>\n<pre>{_text(message)}</pre>\n"
        "<p>Fix the file and save it: this page reloads by itself.</p>\n</body>\n</html>\n"
    )


def _stamp(path: Path) -> Stamp:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino)


def _files_under(folder: Path, limit: int) -> list[Path]:
    """Regular files under `folder`, hidden folders skipped, at most `limit` of them."""
    found: list[Path] = [folder]
    for top, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        found += (Path(top, name) for name in sorted(files))
        if len(found) >= limit:
            break
    return found[:limit]


class Preview:
    """The served page of one case file, rebuilt when the case or its texts change.

    Args:
        case_file: The case file.
        sources: A folder of source texts, as ``scenarios report --sources``.
        timeout: Longest layout of one diagram, in seconds.
        log: Called with one message per rebuild (the command line prints it on stderr).
    """

    def __init__(
        self,
        case_file: str,
        *,
        sources: str | None = None,
        timeout: float,
        log: Callable[[str], None] = lambda message: None,
    ) -> None:
        self.case_file = case_file
        self.sources = sources
        self.timeout = timeout
        self._log = log
        self._boot = secrets.token_hex(4)  # a restarted server never repeats a version
        self._count = 0
        self._built = ""
        self._page = ("", "")  # (version, served html): replaced whole, read without a lock
        self._watched: tuple[Path, ...] = (Path(case_file),)
        self._seen: dict[Path, Stamp] = {}

    @property
    def page(self) -> tuple[str, str]:
        """The version, which changes whenever the page does, and the page as served."""
        return self._page

    def stamps(self) -> dict[Path, Stamp]:
        """The watched files now: the case, its texts, and every file under ``--sources``."""
        paths = list(self._watched)
        if self.sources is not None:
            paths += _files_under(Path(self.sources), MAX_WATCHED - len(paths))
        return {path: _stamp(path) for path in paths}

    def rebuild(self) -> None:
        """Build the page again; a case that gives no report gives the page of its error."""
        before = self.stamps()
        checked: CheckReport | None = None
        try:
            checked, page = report_page(self.case_file, sources=self.sources, timeout=self.timeout)
            message = f"{self.case_file}: report built"
        except Exception as exc:  # the server outlives any case, even a bug in the library
            message = said(exc)
            page = error_html(self.case_file, message)
        if checked is not None:
            self._watched = self._texts_of(checked)
        self._seen = {path: before.get(path, now) for path, now in self.stamps().items()}
        if page != self._built:
            self._built = page
            self._count += 1
            version = f"{self._boot}-{self._count}"
            try:
                self._page = (version, live_html(page, version))
            except ValueError as exc:
                self._page = (version, live_html(error_html(self.case_file, said(exc)), version))
        self._log(message)

    def _texts_of(self, checked: CheckReport) -> tuple[Path, ...]:
        """The case file, the texts read, and where each declared text would be."""
        paths = dict.fromkeys([Path(self.case_file), *checked.texts.paths.values()])
        base = Path(self.case_file).parent
        paths.update((base / s.text_path, None) for s in checked.case.sources if s.text_path)
        return tuple(paths)[:MAX_WATCHED]

    def watch(self, stop: threading.Event, interval: float = POLL) -> None:
        """Rebuild once after each burst of changes, until `stop` is set.

        A change is seen within `interval`; the rebuild waits until a look finds
        nothing new, so an editor's several writes of one save make one rebuild.
        """
        last: dict[Path, Stamp] = {}
        while not stop.wait(interval):
            now = self.stamps()
            if now != self._seen and now == last:  # changed, and quiet since the last look
                self.rebuild()
            last = now


class _Handler(BaseHTTPRequestHandler):
    """Three paths: the page, its script and its version; nothing from the disk."""

    server: PreviewServer

    def do_GET(self) -> None:
        """Answer a request that names this server."""
        port = self.server.server_address[1]
        if self.headers.get("Host") not in (f"{HOST}:{port}", f"localhost:{port}"):
            self._send(400, "text/plain", f"ask for {self.server.url}\n")
            return
        version, page = self.server.preview.page
        routes = {"/": ("text/html", page), "/_version": ("text/plain", version)}
        routes["/_live.js"] = ("text/javascript", LIVE_JS)
        kind, text = routes.get(self.path.split("?", 1)[0], ("", ""))
        self._send(200 if kind else 404, kind or "text/plain", text or "not found\n")

    def _send(self, status: int, kind: str, text: str) -> None:
        body = text.encode("utf-8", errors="replace")  # a lone surrogate is no crash
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in _HEADERS.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Log nothing: the page polls twice a second."""


class PreviewServer(ThreadingHTTPServer):
    """An HTTP server on 127.0.0.1 for one `Preview`; it never binds another address.

    Args:
        preview: The page to serve.
        port: The port; 0 picks a free one.

    Raises:
        OptionError: The port is taken, or not the user's to open.
    """

    daemon_threads = True

    def __init__(self, preview: Preview, port: int) -> None:
        self.preview = preview
        try:
            super().__init__((HOST, port), _Handler)
        except OSError as exc:
            if exc.errno not in (errno.EADDRINUSE, errno.EACCES):
                raise
            raise OptionError(
                f"cannot serve on port {port}: {exc.strerror}",
                hint="choose another with --port, or --port 0 for a free one",
            ) from exc

    def server_bind(self) -> None:
        """Bind without looking up the host's name (`HTTPServer` would ask the resolver)."""
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = HOST, int(self.server_address[1])

    @property
    def url(self) -> str:
        """Where the page is served."""
        return f"http://{HOST}:{self.server_address[1]}/"

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that goes away mid-answer is no error; anything else is reported."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    def run(self, interval: float = POLL) -> None:
        """Serve and watch until interrupted (Ctrl-C raises `KeyboardInterrupt` here)."""
        stop = threading.Event()
        watcher = threading.Thread(
            target=self.preview.watch, args=(stop, interval), name="scenarios-watch", daemon=True
        )
        watcher.start()
        try:
            self.serve_forever(poll_interval=0.25)
        finally:
            stop.set()


def _port(text: str) -> int:
    port = int(text)
    if not 0 <= port <= 65535:
        raise ValueError(text)
    return port


def _serve(args: argparse.Namespace, out: TextIO) -> int:
    if not Path(args.case).is_file():
        raise PathNotFoundError(f"case file not found: {args.case}", hint="give a case file")
    if args.sources is not None and not Path(args.sources).is_dir():
        raise PathNotFoundError(
            f"sources folder not found: {args.sources}", hint="pass an existing folder to --sources"
        )

    def log(message: str) -> None:
        print(visible(message), file=sys.stderr, flush=True)

    preview = Preview(args.case, sources=args.sources, timeout=args.timeout, log=log)
    with PreviewServer(preview, args.port) as server:
        preview.rebuild()
        out.write(f"{server.url}\n")
        out.flush()
        server.run()
    return EXIT_OK


def add_serve(commands: Any) -> None:
    """Declare serve."""
    serve_cmd = command(
        commands,
        "serve",
        _serve,
        "serve the HTML report on 127.0.0.1, rebuilt as you edit",
        "Serve the report of CASE (as `scenarios report` writes it) on 127.0.0.1 only, and "
        "rebuild it when the case file or its source texts change; the page in the browser "
        "reloads by itself. A case that cannot be read or analysed shows its error in the "
        "page until the next good save. Ctrl-C stops it.",
        sources=True,
    )
    serve_cmd.add_argument(
        "--port",
        type=_port,
        default=8000,
        metavar="N",
        help="the port on 127.0.0.1 (default: 8000; 0 picks a free one)",
    )
    add_timeout(serve_cmd, "stop a diagram's layout after this long")
