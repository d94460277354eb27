"""Shared fixtures: a copy of the base dataset, the real site built once, the browser.
Shared helpers (paths, builds, payloads) are in tests/helpers.py."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import settings
from playwright.sync_api import Browser, Page, sync_playwright

from tests.helpers import BASE_DATA, CHROMIUM_ARGS, ROOT, Watch, browser_executable, build

# No property test may depend on the machine's speed, so none has a deadline. Under CI the
# examples are a fixed sequence (derandomize), so a red run can be reproduced; elsewhere they
# vary from run to run and find more. HYPOTHESIS_PROFILE chooses one by name.
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite the expected output of golden cases from the actual output (review the diff)",
    )


@pytest.fixture
def base_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the small valid base dataset at ./data; the working directory is its parent."""
    data = tmp_path / "data"
    shutil.copytree(BASE_DATA, data)
    monkeypatch.chdir(tmp_path)
    return data


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real explainer, built with `mkdocs build --strict`, with no warning."""
    out = tmp_path_factory.mktemp("site")
    result = build(ROOT, out)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


@pytest.fixture
def reader(browser: Browser) -> Iterator[tuple[Page, Watch]]:
    """A page at 1280 px that records console errors and requests to other hosts."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = Watch()
    page.on("console", lambda msg: watch.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: watch.errors.append(str(error)))

    def check_host(request: object) -> None:
        host = urlsplit(request.url).hostname  # type: ignore[attr-defined]
        if request.url.startswith("http") and host != "127.0.0.1":  # type: ignore[attr-defined]
            watch.foreign.append(request.url)  # type: ignore[attr-defined]

    page.on("request", check_host)
    yield page, watch
    context.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Chromium (helpers.browser_executable), started as the closed network needs."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=browser_executable(), args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()
