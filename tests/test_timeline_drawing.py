"""The timeline drawn to scale: the central dispute's days on one UTC axis, a lane per
reference zone, each record where its time puts it, each mark a link to its entry."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from generator import load_dataset
from generator.render.relations import title_of
from generator.render.timeline_drawing import HOUR, PAD, timeline_drawing
from tests.helpers import REAL_DATA, SECOND_DATA

DATASET = load_dataset(REAL_DATA)
TITLES = {
    i: title_of(DATASET, "statements" if i in DATASET.statements else "events", i)
    for i in DATASET.timeline
}
DRAWING = timeline_drawing(DATASET, TITLES)


def mark(record_id: str) -> str:
    found = re.search(rf'<a href="#{re.escape(record_id)}"[^>]*>(.*?)</a>', DRAWING.svg)
    assert found is not None, record_id
    return found.group(0)


def test_the_window_is_the_central_disputes_days() -> None:
    assert DRAWING.period == "27–30 July 2022 (UTC)"
    assert 30 <= DRAWING.shown < len(DATASET.timeline)
    assert DRAWING.shown + DRAWING.outside == len(DATASET.timeline)


def test_a_known_time_is_a_point_where_its_utc_instant_falls() -> None:
    # Price spoke at the briefing that began at 14:12 EDT on 28 July: 18:12 UTC, 42.2 hours
    # after the window opens at 00:00 UTC on 27 July.
    hours = (datetime(2022, 7, 28, 18, 12, tzinfo=UTC) - datetime(2022, 7, 27, tzinfo=UTC))
    expected = round(PAD + hours.total_seconds() / 3600 * HOUR, 1)
    assert f'<circle cx="{expected}"' in mark("2022-07-28-price-call-request")


def test_a_day_known_only_to_its_day_is_a_bar_as_long_as_the_day() -> None:
    lavrov = mark("2022-07-27-lavrov-arrives-tashkent")  # Tashkent, evening: six hours
    assert re.search(rf'<rect [^>]*width="{6 * HOUR}.0"', lavrov), lavrov


def test_lanes_are_the_reference_zones_then_elsewhere_on_utc() -> None:
    names = re.findall(r'<text class="lane-name"[^>]*>(.*?)</text>', DRAWING.svg)
    assert names == [
        "New York time (EDT)",
        "Moscow time (MSK)",
        "Elsewhere, on UTC: Tashkent",
    ]


def test_the_central_statements_are_numbered_in_order() -> None:
    assert [(k.number, k.record_id) for k in DRAWING.keys] == [
        (1, "2022-07-27-mfa-no-requests"),
        (2, "2022-07-28-price-call-request"),
        (3, "2022-07-29-lavrov-about-a-day"),
    ]
    assert 'aria-label="2: Ned Price, 28 July 2022: ' in mark("2022-07-28-price-call-request")


def test_every_mark_names_a_record_on_the_timeline_and_records_sharing_a_span_are_counted() -> None:
    targets = re.findall(r'<a href="#([^"]+)"', DRAWING.svg)
    assert targets and set(targets) <= set(DATASET.timeline)
    shared = re.findall(r'aria-label="(\d+) entries known only to ([^"]+)"', DRAWING.svg)
    assert ("8", "27 July 2022") in shared  # eight Washington records known only to that day


def test_a_second_explainer_across_the_date_line_is_drawn_on_its_own_zones() -> None:
    dataset = load_dataset(SECOND_DATA)
    titles = {
        i: title_of(dataset, "statements" if i in dataset.statements else "events", i)
        for i in dataset.timeline
    }
    drawing = timeline_drawing(dataset, titles)
    names = re.findall(r'<text class="lane-name"[^>]*>(.*?)</text>', drawing.svg)
    assert len(names) >= 2 and drawing.shown >= 1
    assert "Bright" not in drawing.svg.split("<desc")[0]  # no episode words in the frame


def test_a_shelved_timeline_draws_each_shelf_and_every_mark_finds_its_record() -> None:
    """A large timeline is split into shelves (pages of sections): each shelf draws its own
    records over the time they cover, linking to their sections on that page, and the index
    draws the central days, linking to the shelves."""
    from generator.render.layout import Layout
    from generator.render.site import render_site
    from tests.helpers import BASE_DATA

    dataset = load_dataset(BASE_DATA)
    pages = render_site(dataset, layout=Layout.of(dataset, page_limit=1, shelf_size=2))
    shelves = sorted(path for path in pages if path.startswith("timeline/page/"))
    assert len(shelves) >= 2
    for path in shelves:
        targets = re.findall(r'<a href="#([^"]+)" aria-label', pages[path])
        assert targets, path
        for target in targets:
            assert f'id="{target}"' in pages[path], (path, target)
    index = re.findall(r'<a href="([^"]+)" aria-label', pages["timeline.md"])
    assert index and all(re.fullmatch(r"page/\d+/#[\w-]+", href) for href in index), index


def test_a_window_with_more_records_than_a_page_lists_is_left_to_the_shelves() -> None:
    drawing = timeline_drawing(DATASET, TITLES, limit=DRAWING.shown - 1)
    assert drawing.svg == "" and drawing.outside == len(DATASET.timeline)
    assert timeline_drawing(DATASET, TITLES, limit=DRAWING.shown).svg == DRAWING.svg
