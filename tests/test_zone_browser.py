"""« Cliquer au bon endroit » end to end in Chromium: mouse, touch, keyboard only, and axe.

The fixture content plus a competence (2.1) made only of zone challenges, all on the same picture
with the same right zone (the « Rédiger » button), so that every question asked is a zone question
whose answer the test knows.
"""

from __future__ import annotations

import json
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe

from builder.build import build

from .conftest import FIXTURE_CONTENT, ROOT
from .support.server import serve_site

ZONE_OVERLAY = ROOT / "tests" / "fixtures" / "zone"
READY = "body[data-engine-ready]"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
EMPTY_SPOT = (600, 330)  # in the picture's own coordinates: below the messages, in no zone


@pytest.fixture(scope="module")
def zone_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("zone")
    content = root / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    shutil.copytree(ZONE_OVERLAY, content, dirs_exist_ok=True)
    build(content, root / "dist", ROOT, log=lambda _msg: None)
    with serve_site(root / "dist") as server:
        yield server


def open_question(browser, site, **context_options):
    context = browser.new_context(locale="fr-FR", **context_options)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(site["url"] + "test/index.html?competence=2.1")
    page.wait_for_selector(READY, timeout=60_000)
    page.click("#start-button")
    page.wait_for_selector("#question:not([hidden]) .zone-picture img")
    page.wait_for_function("() => document.querySelector('.zone-picture img').complete")
    return page, errors


def key_of(page, text: str) -> str:
    label = page.locator(".zone-choice label", has_text=text)
    return page.get_attribute("#" + label.get_attribute("for"), "value")


def right_key(page) -> str:
    return key_of(page, "Rédiger")


def wrong_key(page) -> str:
    return key_of(page, "roue dentée")


def page_point(page, x: float, y: float) -> tuple[float, float]:
    """Where a point of the picture's own coordinates (its viewBox) is on the screen."""
    page.locator(".zone-picture").scroll_into_view_if_needed()
    box = page.locator(".zone-picture img").bounding_box()
    vx, vy, width, height = json.loads(
        "[" + page.get_attribute(".zone-overlay", "viewBox").replace(" ", ",") + "]")
    return box["x"] + (x - vx) * box["width"] / width, box["y"] + (y - vy) * box["height"] / height


def zone_centre(page, key: str) -> tuple[float, float]:
    page.locator(".zone-picture").scroll_into_view_if_needed()
    box = page.locator(f".zone-shape[data-key='{key}']").bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def checked(page) -> str | None:
    return page.evaluate("document.querySelector('input[name=zone]:checked')?.value ?? null")


def last_answer(page) -> dict:
    data = json.loads(page.evaluate("localStorage.getItem('diagnum')"))
    return data["profiles"]["p1"]["sessions"]["competence:2.1"]["state"]["answers"][-1]


def submit_and_wait(page, number: int) -> None:
    page.click("#submit-button")
    page.wait_for_function(
        "n => document.getElementById('question-title').textContent !== 'Question ' + n", arg=number)


def assert_axe_clean(page) -> None:
    result = Axe().run(page, options=AXE_OPTIONS)
    assert result.violations_count == 0, result.generate_report()


def test_with_the_mouse_right_wrong_and_outside_every_zone(zone_site, browser):
    page, errors = open_question(browser, zone_site, viewport={"width": 1000, "height": 900})
    assert_axe_clean(page)
    page.mouse.click(*page_point(page, *EMPTY_SPOT))
    assert checked(page) is None
    assert "rien à choisir" in page.text_content(".zone-hint")
    page.click("#submit-button")  # nothing chosen: refused kindly, nothing recorded
    assert "Choisissez un endroit de l'image" in page.text_content("#question-error")
    key = right_key(page)
    page.mouse.click(*zone_centre(page, wrong_key(page)))
    page.mouse.click(*zone_centre(page, key))  # changing one's mind: the last click counts
    assert checked(page) == key
    assert page.locator(".zone-shape.is-chosen").count() == 1
    assert page.get_attribute(".zone-shape.is-chosen", "data-key") == key
    assert page.locator(f".zone-marker.is-chosen[data-key='{key}']").is_visible()
    assert page.text_content(".zone-hint") == ""
    page.mouse.click(*page_point(page, *EMPTY_SPOT))  # a later click outside changes nothing
    assert checked(page) == key
    page.focus("input[name=zone]:checked")
    assert_axe_clean(page)  # the chosen state, too
    submit_and_wait(page, 1)
    answer = last_answer(page)
    assert answer["correct"] is True and answer["response"] == key

    key = wrong_key(page)  # question 2, another zone challenge: a wrong zone is recorded wrong
    page.mouse.click(*zone_centre(page, key))
    submit_and_wait(page, 2)
    answer = last_answer(page)
    assert answer["correct"] is False and answer["response"] == key
    page.context.close()
    assert not errors, errors


def test_touch_on_a_phone(zone_site, browser):
    page, errors = open_question(browser, zone_site, viewport={"width": 390, "height": 844},
                                 has_touch=True, is_mobile=True, device_scale_factor=2)
    assert_axe_clean(page)
    picture = page.locator(".zone-picture img").bounding_box()
    overlay = page.locator(".zone-overlay").bounding_box()
    assert picture["width"] <= 390 - 16  # the picture shrinks to the screen…
    for side in ("x", "y", "width", "height"):  # …and the zones with it
        assert abs(picture[side] - overlay[side]) < 1, side
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.touchscreen.tap(*page_point(page, *EMPTY_SPOT))
    assert checked(page) is None
    assert "Touchez" in page.text_content(".zone-hint")
    key = right_key(page)
    page.tap(f".zone-shape[data-key='{key}']")
    assert checked(page) == key
    assert page.locator(".zone-choice").first.bounding_box()["height"] >= 44  # a comfortable target
    assert_axe_clean(page)
    page.tap("#submit-button")
    page.wait_for_function("() => document.getElementById('question-title').textContent !== 'Question 1'")
    assert last_answer(page)["correct"] is True
    page.context.close()
    assert not errors, errors


def test_keyboard_only_with_the_zone_outlined_on_the_picture(zone_site, browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1000, "height": 900})
    page = context.new_page()
    page.goto(zone_site["url"] + "test/index.html?competence=2.1")
    page.wait_for_selector(READY, timeout=60_000)
    assert page.evaluate("document.activeElement.id") == "start-button"
    page.keyboard.press("Enter")
    page.wait_for_selector("#question:not([hidden]) .zone-picture")
    for _ in range(10):  # Tab from the question's title into the radio group
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "zone":
            break
    assert page.evaluate("document.activeElement.value") == "1"
    assert checked(page) is None  # arriving in the group chooses nothing
    outline = page.locator(".zone-shape.is-focused .zone-line")
    assert outline.count() == 1
    assert page.get_attribute(".zone-shape.is-focused", "data-key") == "1"
    stroke, width = outline.evaluate("e => [getComputedStyle(e).stroke, getComputedStyle(e).strokeWidth]")
    assert stroke not in ("none", "") and float(width.rstrip("px")) >= 3
    # Every zone is outlined alike while the group has the focus: nothing is given away.
    assert page.locator(".zone-line").evaluate_all(
        "lines => lines.every(l => getComputedStyle(l).stroke !== 'none')")
    page.keyboard.press("ArrowDown")
    assert page.get_attribute(".zone-shape.is-focused", "data-key") == "2"
    key = right_key(page)
    for _ in range(10):
        if page.evaluate("document.activeElement.value") == key:
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    assert checked(page) == key
    assert page.get_attribute(".zone-shape.is-chosen", "data-key") == key
    assert page.get_attribute(".zone-shape.is-focused", "data-key") == key
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('question-title').textContent !== 'Question 1'")
    assert last_answer(page)["correct"] is True
    context.close()
