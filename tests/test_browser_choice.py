"""Which browser the browser tests drive: EXPLAINER_BROWSER first, then Debian's Chromium."""

from __future__ import annotations

import pytest

from tests.helpers import DEBIAN_CHROMIUM, browser_executable


def test_the_environment_chooses_the_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPLAINER_BROWSER", "playwright")
    assert browser_executable() is None  # Playwright's own download
    monkeypatch.setenv("EXPLAINER_BROWSER", "/opt/chrome/chrome")
    assert browser_executable() == "/opt/chrome/chrome"
    monkeypatch.delenv("EXPLAINER_BROWSER")
    assert browser_executable() == (str(DEBIAN_CHROMIUM) if DEBIAN_CHROMIUM.exists() else None)
