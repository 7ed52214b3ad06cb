"""An accessibility scan of every page (axe-core, through axe-playwright-python), on a laptop and a
phone, in both languages: no serious or critical violation (WCAG 2 A/AA rules and best practices
as axe rates them; contrast of text below 4,5:1 is one of them)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.dashboard import PAGES

SEVERE = ("serious", "critical")


def severe_violations(page) -> list[str]:
    results = Axe().run(page)
    found = []
    for violation in results.response["violations"]:
        if violation["impact"] in SEVERE:
            targets = [" ".join(map(str, n["target"])) for n in violation["nodes"][:3]]
            found.append(f"{violation['id']} ({violation['impact']}): {targets}")
    return found


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("path", list(PAGES.values()))
def test_no_serious_or_critical_violation(shown, path, viewport):
    app = shown(path, viewport)
    assert severe_violations(app.page) == []


@pytest.mark.parametrize("path", list(PAGES.values()))
def test_no_serious_or_critical_violation_in_english(open_app, path):
    app = open_app(path + "?lang=en")
    assert severe_violations(app.page) == []
