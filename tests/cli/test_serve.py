"""`scenarios serve`: the live report on 127.0.0.1 (issue 16, "Live preview").

The server runs in threads on port 0, watching every 0.1 s; the last tests run the
command itself in a subprocess (Ctrl-C) and a real headless Chromium, whose page is read
through the DevTools HTTP endpoint (``/json/list``: each page's URL and title).
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email.message import Message
from html import escape
from pathlib import Path
from typing import Any, Final

import pytest

from scenarios.checks import CheckReport
from scenarios.cli import _serve, main
from scenarios.cli._outputs import report_page
from scenarios.cli._serve import HOST, POLICY, Preview, PreviewServer
from tests.support import CHROMIUM_FLAGS, MINIMAL_YAML

QUICK: Final = 0.1
"""The watch interval of the threaded servers (the command's is 0.5 s)."""
WAIT: Final = 10.0
"""Longest wait for a rebuild or a reload, in seconds."""
BROKEN_YAML: Final = MINIMAL_YAML.replace(
    "claim: Something was said.", "claim: The valve failed: nobody said"
)
"""A colon inside prose: a YAML syntax error, whose message quotes the line."""
UNSOUND_YAML: Final = MINIMAL_YAML.replace(
    "{evidence: e1, hypothesis: h1", "{evidence: e9, hypothesis: h1"
)
"""A link to evidence that does not exist: an integrity error (R002)."""
MARKUP_YAML: Final = MINIMAL_YAML + '"<script>document.title=1</script>": 1\n'
"""An unknown field whose name is markup, which the message quotes."""


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    """A small valid case, in a folder of its own."""
    path = tmp_path / "case.yaml"
    path.write_text(MINIMAL_YAML, encoding="utf-8")
    return path


def fetch(url: str, host: str | None = None) -> tuple[int, Message, str]:
    """Status, headers and text of a GET."""
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:
            return answer.status, answer.headers, answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read().decode("utf-8")


@contextmanager
def serving(case: Path, **options: object) -> Iterator[tuple[str, Preview, list[str]]]:
    """A server on a free port, watching in the background: its URL, preview and log."""
    log: list[str] = []
    preview = Preview(str(case), timeout=60, log=log.append, **options)  # type: ignore[arg-type]
    with PreviewServer(preview, 0) as server:
        preview.rebuild()
        thread = threading.Thread(target=server.run, args=(QUICK,))
        thread.start()
        try:
            yield server.url, preview, log
        finally:
            server.shutdown()
            thread.join()


def until(condition: Callable[[], object], what: str) -> None:
    """Wait for `condition` to hold, up to `WAIT` seconds."""
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def edit(path: Path, text: str) -> None:
    """Save `text` as an editor would: the size or the time changes."""
    path.write_text(text, encoding="utf-8")


def version(url: str) -> str:
    return fetch(url + "_version")[2]


@pytest.mark.graphviz
def test_an_edit_changes_the_version_and_the_page(case_file: Path) -> None:
    with serving(case_file) as (url, _, log):
        status, headers, page = fetch(url)
        assert status == 200
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert "<title>Demo</title>" in page
        first = version(url)
        assert f'<script src="/_live.js" data-version="{first}" defer></script>' in page
        assert page.count("<script") == 1  # the live-reload script, and no other
        edit(case_file, MINIMAL_YAML.replace("title: Demo", "title: Edited"))
        until(lambda: version(url) != first, "the rebuild")
        assert "<title>Edited</title>" in fetch(url)[2]
        assert log == [f"{case_file}: report built"] * 2


def test_the_page_is_served_with_one_same_origin_script(case_file: Path) -> None:
    with serving(case_file) as (url, _, _):
        _, headers, page = fetch(url)
        policy = headers["Content-Security-Policy"]
        assert policy.startswith(POLICY)
        assert "script-src 'self'" in policy
        assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";")[0]
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Cache-Control"] == "no-store"
        # the report's own policy (no script at all) is replaced, not stacked
        assert re.findall(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page) == [
            POLICY
        ]
        status, headers, script = fetch(url + "_live.js")
        assert status == 200
        assert headers["Content-Type"] == "text/javascript; charset=utf-8"
        assert 'fetch("/_version"' in script
        assert "location.reload()" in script


def test_a_broken_edit_shows_the_error_and_the_next_good_save_the_report(
    case_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages: list[str] = []
    with serving(case_file) as (url, _, log):
        for broken, said in (
            (BROKEN_YAML, "mapping values"),
            (UNSOUND_YAML, "integrity errors"),
            (MARKUP_YAML, "unknown field"),
        ):
            before = version(url)
            edit(case_file, broken)
            until(lambda: version(url) != before, "the rebuild")  # noqa: B023 - used at once
            status, _, page = fetch(url)
            assert status == 200
            assert said in page
            assert re.search(r"<title>[^<]*case\.yaml: error</title>", page)
            # the same message the command line prints, escaped
            argv = ["report", str(case_file), "-o", str(tmp_path / "r.html")]
            assert main(argv, out=io.StringIO()) == 2
            printed = capsys.readouterr().err.strip()
            assert printed.startswith((str(case_file), "scenarios: error:"))
            assert escape(printed) in page
            assert log[-1] == printed
            pages.append(page)
        assert "&lt;script&gt;document.title=1&lt;/script&gt;: unknown field" in pages[2]
        assert all(page.count("<script") == 1 for page in pages)  # the live-reload script
        before = version(url)
        edit(case_file, MINIMAL_YAML)
        until(lambda: version(url) != before, "the report again")
        assert "<title>Demo</title>" in fetch(url)[2]


def test_source_texts_are_watched(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(MINIMAL_YAML.replace("reliability: B}", "reliability: B, text_path: a.txt}"))
    folder = tmp_path / "texts"
    folder.mkdir()
    with serving(case) as (url, _, _):
        assert "but no file is there" in fetch(url)[2]  # the text is missing: a warning
        first = version(url)
        (tmp_path / "a.txt").write_text("And something was said, once.\n", encoding="utf-8")
        until(lambda: version(url) != first, "a text_path file appearing")
        assert "but no file is there" not in fetch(url)[2]
    with serving(case, sources=str(folder)) as (url, _, _):
        first = version(url)
        # DIR/<text_path> comes before the text beside the case (docs/files.md)
        (folder / "a.txt").write_text("Something was said.\n", encoding="utf-8")
        until(lambda: version(url) != first, "a text appearing under --sources")


def test_a_burst_of_saves_makes_one_rebuild(case_file: Path) -> None:
    log: list[str] = []
    preview = Preview(str(case_file), timeout=60, log=log.append)
    preview.rebuild()
    stop = threading.Event()
    watcher = threading.Thread(target=preview.watch, args=(stop, 0.3))
    watcher.start()
    try:
        for count in range(12):  # 0.5 s of writes, 0.04 s apart: never quiet for 0.3 s
            edit(case_file, MINIMAL_YAML + f"# save {count}\n")
            time.sleep(0.04)
        until(lambda: len(log) == 2, "the rebuild")
        time.sleep(0.7)  # two more looks: nothing new
    finally:
        stop.set()
        watcher.join()
    assert len(log) == 2


def test_it_binds_loopback_only_and_answers_only_to_its_name(case_file: Path) -> None:
    with serving(case_file) as (url, _, _):
        port = int(url.rsplit(":", 1)[1].strip("/"))
        assert url == f"http://127.0.0.1:{port}/"
        assert fetch(url, host=f"localhost:{port}")[0] == 200
        # DNS rebinding: a page of another site, its name pointed at 127.0.0.1
        status, _, text = fetch(url, host=f"evil.example:{port}")
        assert (status, text) == (400, f"ask for {url}\n")
        assert fetch(url + "case.yaml")[0] == 404  # no file is served
        assert fetch(url + "../case.yaml")[0] == 404
        other = _outward_address()
        if other is not None:  # the machine's own address on the network
            with pytest.raises(ConnectionRefusedError):
                socket.create_connection((other, port), timeout=2).close()
    assert HOST == "127.0.0.1"


def _outward_address() -> str | None:
    """An address of this machine other than loopback, if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: nothing is sent
        except OSError:
            return None
        address: str = probe.getsockname()[0]
    return None if address.startswith("127.") else address


@pytest.mark.parametrize("option", ["--host=0.0.0.0", "--bind=0.0.0.0", "--port=70000"])
def test_there_is_no_host_option(
    option: str, case_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", str(case_file), option], out=io.StringIO()) == 2
    assert "error:" in capsys.readouterr().err


def test_a_taken_port_or_a_missing_case_is_a_usage_error(
    case_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as taken:
        taken.bind((HOST, 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", str(case_file), "--port", str(port)], out=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert f"cannot serve on port {port}" in err
    assert "--port 0" in err
    assert main(["serve", str(case_file.with_name("nope.yaml"))], out=io.StringIO()) == 2
    assert "case file not found" in capsys.readouterr().err


@pytest.mark.graphviz
def test_the_command_prints_the_url_and_ctrl_c_ends_it(case_file: Path) -> None:
    command = [sys.executable, "-m", "scenarios", "serve", str(case_file), "--port", "0"]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as run:
        try:
            assert run.stdout is not None
            url = run.stdout.readline().strip()
            assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", url)
            assert "<title>Demo</title>" in fetch(url)[2]
            run.send_signal(signal.SIGINT)
            out, err = run.communicate(timeout=10)
        finally:
            if run.poll() is None:
                run.kill()
    assert run.returncode == 130
    assert out == ""
    assert err == f"{case_file}: report built\nscenarios: interrupted\n"


# --- a real browser -----------------------------------------------------------------------


@contextmanager
def chromium(url: str, profile: Path) -> Iterator[Callable[[], str]]:
    """Headless Chromium showing `url`; yields a function giving the page's current title."""
    program = shutil.which("chromium")
    assert program is not None
    flags = [*CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0"]
    with subprocess.Popen(
        [program, *flags, url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    ) as browser:
        try:
            active = profile / "DevToolsActivePort"
            until(lambda: active.is_file() and active.read_text().strip(), "Chromium")
            listing = f"http://127.0.0.1:{active.read_text().split()[0]}/json/list"

            def title() -> str:
                pages = json.loads(fetch(listing)[2])
                # mid-reload the page may be listed without its URL for a moment
                return next((p["title"] for p in pages if p["url"] == url), "")

            yield title
        finally:
            os.killpg(browser.pid, signal.SIGKILL)
            browser.wait()


@pytest.mark.browser
@pytest.mark.graphviz
def test_in_chromium_an_edit_changes_the_page(case_file: Path, tmp_path: Path) -> None:
    with serving(case_file) as (url, _, _), chromium(url, tmp_path / "profile") as title:
        until(lambda: title() == "Demo", "the first page")
        edit(case_file, MINIMAL_YAML.replace("title: Demo", "title: Edited"))
        until(lambda: title() == "Edited", "the page to reload")
        edit(case_file, BROKEN_YAML)
        until(lambda: title().endswith("case.yaml: error"), "the error page")
        edit(case_file, MINIMAL_YAML.replace("title: Demo", "title: Fixed"))
        until(lambda: title() == "Fixed", "the report to come back")


HOSTILE: Final = (
    "<script>document.title='PWNED-SCRIPT'</script>"
    "<img src=x onerror=\"document.title='PWNED-IMG'\">"
)
"""Markup that would set the title if it ran."""


@pytest.mark.browser
@pytest.mark.graphviz
def test_in_chromium_no_script_of_the_case_runs(
    case_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile = MINIMAL_YAML
    for text in ("Something was said.", "It is so.", "Is it so?", "First source"):
        hostile = hostile.replace(text, json.dumps(HOSTILE))
    edit(case_file, hostile)
    real = report_page

    def leaky(case: str, **options: Any) -> tuple[CheckReport, str]:
        """The report with the payload unescaped, as if escaping had failed."""
        checked, page = real(case, **options)
        return checked, page.replace("<main>", f"<main>{HOSTILE}", 1)

    with serving(case_file) as (url, _, _):
        page = fetch(url)[2]
        assert page.count("<script") == 1  # the payloads are escaped, there as text
        assert page.count("PWNED-SCRIPT") >= 4  # in each field, as text
        monkeypatch.setattr(_serve, "report_page", leaky)  # the policy is the second wall
        edit(case_file, hostile.replace("title: Demo", "title: Leaky"))
        until(lambda: "<main><script>" in fetch(url)[2], "the leaky page")
        with chromium(url, tmp_path / "profile") as title:
            until(lambda: title() == "Leaky", "the page")
            edit(case_file, hostile.replace("title: Demo", "title: Reloaded"))
            until(lambda: title() == "Reloaded", "the page to reload")  # live.js runs
            time.sleep(0.5)  # the failed image's error event has long fired
            assert title() == "Reloaded"  # no script of the case did
