"""The report in a real browser: headless Chromium opens it from file://, follows a link.

Chromium is driven by chromedriver through the W3C WebDriver protocol, spoken here with
urllib (no selenium). Skipped when Chromium or chromedriver is missing: run
``scripts/ensure-chromium.sh`` to install them. The screenshot path is printed (-s).
"""

from __future__ import annotations

import base64
import json
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from extractor.read.report.site import write_report

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
BROWSER = next((found for name in BROWSERS if (found := shutil.which(name))), None)
DRIVER = shutil.which("chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1200,900"]
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"

pytestmark = pytest.mark.skipif(
    not (BROWSER and DRIVER),
    reason="Chromium and chromedriver are not installed (run scripts/ensure-chromium.sh)")


class WebDriver:
    """The few WebDriver commands the test needs, as JSON over HTTP."""

    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.session = ""

    def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        data = json.dumps(body or {}).encode() if method == "POST" else None
        prefix = f"/session/{self.session}" if self.session else ""
        request = urllib.request.Request(self.base + prefix + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)["value"]

    def find(self, css: str) -> str:
        return self.call("POST", "/element", {"using": "css selector", "value": css})[ELEMENT]

    def script(self, source: str, *args: Any) -> Any:
        return self.call("POST", "/execute/sync", {"script": source, "args": list(args)})


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture()
def browser(tmp_path: Path) -> Iterator[WebDriver]:
    port = _free_port()
    process = subprocess.Popen([str(DRIVER), f"--port={port}"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    driver = WebDriver(port)
    profile = tempfile.mkdtemp(prefix="chromium-profile-", dir=tmp_path)
    try:
        for _ in range(100):
            try:
                if driver.call("GET", "/status").get("ready"):
                    break
            except OSError:
                time.sleep(0.1)
        options = {"binary": BROWSER, "args": [*FLAGS, f"--user-data-dir={profile}"]}
        caps = {"capabilities": {"alwaysMatch": {"goog:chromeOptions": options}}}
        driver.session = driver.call("POST", "/session", caps)["sessionId"]
        yield driver
        driver.call("DELETE", "")
    finally:
        process.terminate()
        process.wait(timeout=10)


def _words(text: str) -> str:
    return " ".join(text.split())


def test_actor_link_lands_on_the_highlighted_quote(corpus_build: Path, tmp_path: Path,
                                                   browser: WebDriver) -> None:
    site = write_report(corpus_build, tmp_path / "site").parent
    actor = sorted((site / "actor").glob("*.html"), key=lambda p: -p.stat().st_size)[0]
    browser.call("POST", "/url", {"url": actor.as_uri()})
    link = browser.find("ol.claims li p.source a")
    quote = _words(browser.script(
        "return arguments[0].closest('li').querySelector('mark.quote').textContent;",
        {ELEMENT: link}))
    browser.call("POST", f"/element/{link}/click")
    for _ in range(50):
        if "/document/" in browser.call("GET", "/url"):
            break
        time.sleep(0.1)
    url = browser.call("GET", "/url")
    assert "/document/" in url and "#claim-" in url, url
    target = browser.script(
        "const t = document.querySelector(':target');"
        "return t && [t.tagName, t.textContent, t.id === location.hash.slice(1)];")
    assert target, "no element is the target of the link"
    tag, text, matches = target
    assert tag == "MARK" and matches
    assert _words(text) and quote.startswith(_words(text)), (text, quote)
    assert _words(browser.script("return document.title;"))
    shot = tmp_path / "report-document.png"
    shot.write_bytes(base64.b64decode(browser.call("GET", "/screenshot")))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    print(f"screenshot: {shot}")
