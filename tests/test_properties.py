"""Hypothesis properties: loading does not depend on discovery order, text survives loading
unchanged, and chronological order is a total order that agrees with UTC."""

from __future__ import annotations

import html
import posixpath
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from generator.dataset.chronology import Moment, chronological, sort_keys
from generator.dataset.link import link
from generator.load.decode_text import decode
from generator.load.discover_files import discover
from generator.load.read_records import load_all
from generator.load.yaml_positions import parse_text
from generator.render.glossary_terms import Texts
from generator.render.markdown_text import escape, relative
from generator.schema.characters import UNSPACED
from generator.schema.field_types import When
from generator.schema.models import Actor, Source, Statement
from generator.schema.time_values import interval_of
from tests.helpers import CONTROLS, INVISIBLE, REAL_DATA

REAL_PATHS, _ = discover(REAL_DATA)
REFERENCE, _ = link(load_all(REAL_PATHS, REAL_DATA)[0])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(REAL_PATHS))
def test_discovery_order_does_not_change_the_dataset(paths: list[Path]) -> None:
    loaded, problems = load_all(paths, REAL_DATA)
    dataset, link_problems = link(loaded)
    assert not problems and not link_problems
    assert dataset == REFERENCE
    assert dataset is not None and REFERENCE is not None
    for kind in REFERENCE.counts():
        assert list(getattr(dataset, kind)) == list(getattr(REFERENCE, kind))


def _load_text(document: str) -> object:
    text, problems = decode(document.encode("utf-8"), "x.yaml")
    assert text is not None and not problems
    parsed, problems = parse_text(text, Path("x.yaml"), "x.yaml")
    assert parsed is not None, problems
    return parsed.data


# Surrogates cannot be encoded as UTF-8, so no file can hold them.
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=200)


@settings(max_examples=500, deadline=None)
@given(any_text)
def test_any_text_value_survives_loading(value: str) -> None:
    # Double-quoted style escapes YAML's own line breaks (NEL, LS, PS) and BOMs; PyYAML's
    # plain and single-quoted styles write them raw, and then any reader folds them.
    document = yaml.safe_dump({"value": value}, allow_unicode=True, default_style='"')
    assert _load_text(document) == {"value": value}


field_text = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters=CONTROLS), max_size=200
).filter(lambda text: text.strip() != "")


@settings(max_examples=200, deadline=None)
@given(field_text)
def test_any_text_survives_into_a_validated_record(value: str) -> None:
    record = {
        "speaker": "a",
        "when": {"date": "2022-07-28"},
        "channel": value,
        "summary": value,
        "fidelity": "paraphrase",
        "reported_in": [{"source": "s", "excerpt": value}],
        "verification": "verified",
        "notes": value,
    }
    document = yaml.safe_dump(record, allow_unicode=True, default_style='"')
    statement = Statement.model_validate(_load_text(document))
    assert statement.summary == statement.channel == statement.notes == value
    assert statement.reported_in[0].excerpt == value


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["no", "yes", "on", "off", "2022-07-28", "12:30", "1e3", "0x1F", "~x", ".5"])
)
def test_plain_scalars_that_pyyaml_would_convert_stay_text(value: str) -> None:
    assert _load_text(f"value: {value}\n") == {"value": value}


ZONES = [
    "UTC",
    "Europe/Moscow",
    "America/New_York",
    "Asia/Tashkent",
    "Asia/Dubai",
    "Pacific/Kiritimati",
]


@st.composite
def whens(draw: st.DrawFn) -> When:
    day = draw(
        st.dates(min_value=datetime(2022, 1, 1).date(), max_value=datetime(2022, 12, 31).date())
    )
    precision = draw(st.sampled_from(["year", "month", "day", "time"]))
    zone = (
        draw(st.sampled_from([None, *ZONES]))
        if precision != "time"
        else draw(st.sampled_from(ZONES))
    )
    date_text = {"year": f"{day:%Y}", "month": f"{day:%Y-%m}"}.get(precision, f"{day:%Y-%m-%d}")
    fields: dict[str, object] = {"date": date_text}
    if zone:
        fields["zone"] = zone
    if precision == "time":
        fields["time"] = f"{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}"
    return When.model_validate(fields)


@settings(max_examples=300, deadline=None)
@given(st.lists(whens(), min_size=1, max_size=12), st.randoms(use_true_random=False))
def test_chronology_is_a_total_order_consistent_with_utc(items: list[When], rng: object) -> None:
    moments = {
        f"r{index:02d}": Moment(when, interval_of(when), index % 2)
        for index, when in enumerate(items)
    }
    keys, problems = sort_keys(moments)
    assert not problems
    order = chronological(keys)
    # Total: every record appears once, and any input order gives the same result.
    assert sorted(order) == sorted(moments)
    shuffled = list(moments.items())
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    assert chronological(sort_keys(dict(shuffled))[0]) == order
    # Consistent with UTC: a record that ends before another begins comes first.
    position = {record_id: index for index, record_id in enumerate(order)}
    for a, ma in moments.items():
        for b, mb in moments.items():
            if ma.interval.end < mb.interval.start or (
                ma.interval.start == ma.interval.end
                and mb.interval.start == mb.interval.end
                and ma.interval.start < mb.interval.start
            ):
                assert position[a] < position[b], (a, b)


def test_the_issue_example_orders_washington_between_two_moscow_times() -> None:
    def at(date: str, time: str, zone: str) -> When:
        return When.model_validate({"date": date, "time": time, "zone": zone})

    moments = {
        "moscow-2200": Moment(
            at("2022-07-28", "22:00", "Europe/Moscow"),
            interval_of(at("2022-07-28", "22:00", "Europe/Moscow")),
            1,
        ),
        "washington-1412": Moment(
            at("2022-07-28", "14:12", "America/New_York"),
            interval_of(at("2022-07-28", "14:12", "America/New_York")),
            1,
        ),
        "moscow-1900": Moment(
            at("2022-07-28", "19:00", "Europe/Moscow"),
            interval_of(at("2022-07-28", "19:00", "Europe/Moscow")),
            1,
        ),
    }
    keys, _ = sort_keys(moments)
    assert chronological(keys) == ["moscow-1900", "washington-1412", "moscow-2200"]
    assert keys["washington-1412"].start == datetime(2022, 7, 28, 18, 12, tzinfo=UTC)


def test_a_day_only_record_spans_its_local_day_and_sorts_at_its_local_noon() -> None:
    day = When.model_validate({"date": "2022-07-28", "zone": "Europe/Moscow"})
    span = interval_of(day)
    assert span.start == datetime(2022, 7, 27, 21, 0, tzinfo=UTC)
    assert span.end - span.start == timedelta(days=1)
    morning = When.model_validate({"date": "2022-07-28", "time": "10:00", "zone": "Europe/Moscow"})
    later = When.model_validate({"date": "2022-07-28", "time": "14:00", "zone": "Europe/Moscow"})
    keys, _ = sort_keys(
        {
            "later": Moment(later, interval_of(later), 1),
            "day": Moment(day, span, 1),
            "morning": Moment(morning, interval_of(morning), 1),
        }
    )
    assert chronological(keys) == ["morning", "day", "later"]


def test_across_the_date_line_a_beijing_day_comes_after_the_new_york_afternoon_before_it() -> None:
    """14:39 EST on 4 February is 03:39 on 5 February in Beijing: it comes before a Beijing
    record known only to be of 5 February (a day that began at 16:00 UTC on 4 February)."""
    new_york = When.model_validate(
        {"date": "2022-02-04", "time": "14:39", "zone": "America/New_York"}
    )
    beijing = When.model_validate({"date": "2022-02-05", "zone": "Asia/Shanghai"})
    keys, _ = sort_keys(
        {
            "beijing": Moment(beijing, interval_of(beijing), 1),
            "new-york": Moment(new_york, interval_of(new_york), 1),
        }
    )
    assert interval_of(beijing).start < interval_of(new_york).start  # the day began earlier
    assert chronological(keys) == ["new-york", "beijing"]


def test_a_part_of_the_day_covers_its_local_hours() -> None:
    evening = When.model_validate(
        {"date": "2022-07-27", "zone": "Asia/Tashkent", "part_of_day": "evening"}
    )
    span = interval_of(evening)
    assert (span.start, span.end) == (
        datetime(2022, 7, 27, 13, 0, tzinfo=UTC),
        datetime(2022, 7, 27, 19, 0, tzinfo=UTC),
    )


def test_after_moves_a_day_only_record_behind_the_record_it_follows() -> None:
    price = When.model_validate({"date": "2022-07-28", "time": "14:12", "zone": "America/New_York"})
    reply = When.model_validate({"date": "2022-07-28", "zone": "Europe/Moscow", "after": "price"})
    morning = When.model_validate({"date": "2022-07-28", "time": "09:00", "zone": "Europe/Moscow"})
    moments = {
        "price": Moment(price, interval_of(price), 1),
        "reply": Moment(reply, interval_of(reply), 1),
        "morning": Moment(morning, interval_of(morning), 1),
    }
    keys, problems = sort_keys(moments)
    assert not problems
    assert chronological(keys) == ["morning", "price", "reply"]


def test_before_moves_a_day_only_record_ahead_of_the_record_it_precedes() -> None:
    """A request known only to its day, made before a press conference known only to its day
    in the same zone: without `before` the two tie at local noon and the ids decide."""
    talk = When.model_validate({"date": "2022-07-27", "zone": "America/New_York"})
    request = When.model_validate(
        {"date": "2022-07-27", "zone": "America/New_York", "before": "a-talk"}
    )
    moments = {
        "a-talk": Moment(talk, interval_of(talk), 0),
        "request": Moment(request, interval_of(request), 0),
    }
    keys, problems = sort_keys(moments)
    assert not problems
    assert chronological(keys) == ["request", "a-talk"]
    untied = {**moments, "request": Moment(talk, interval_of(talk), 0)}
    assert chronological(sort_keys(untied)[0]) == ["a-talk", "request"]


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_every_link_holds_in_the_order(data: st.DataObject) -> None:
    """Whatever the times, a record that names a record it follows sorts after it, and one
    that names a record it precedes sorts before it, unless the dates make that impossible
    (then it is a problem)."""
    count = data.draw(st.integers(2, 8))
    ids = [f"r{i}" for i in range(count)]
    moments = {}
    for index, record_id in enumerate(ids):
        day = data.draw(st.integers(26, 28))
        fields: dict[str, object] = {"date": f"2022-07-{day}", "zone": "Europe/Moscow"}
        if data.draw(st.booleans()):
            fields["time"] = f"{data.draw(st.integers(0, 23)):02d}:00"
        if index:  # links point to earlier ids only, so they never loop
            target = data.draw(st.sampled_from(ids[:index]))
            link = data.draw(st.sampled_from([None, "after", "before"]))
            if link:
                fields[link] = target
        when = When.model_validate(fields)
        moments[record_id] = Moment(when, interval_of(when), 1)
    keys, problems = sort_keys(moments)
    order = chronological(keys)
    broken = {problem.record_id for problem in problems}
    for record_id, moment in moments.items():
        if record_id in broken:
            continue
        if moment.when.after:
            assert order.index(record_id) > order.index(moment.when.after)
        if moment.when.before:
            assert order.index(record_id) < order.index(moment.when.before)


segments = st.lists(st.sampled_from(["a", "b", "actors", "x-1", "index.md", "p.md"]), max_size=4)


@given(page=segments, other=segments)
def test_relative_links_match_the_standard_library(page: list[str], other: list[str]) -> None:
    """The fast relative path between two page paths is posixpath.relpath's."""
    to_page, from_page = "/".join([*other, "t.md"]), "/".join([*page, "f.md"])
    expected = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    assert relative(from_page, to_page) == expected


@given(text=st.text(max_size=60))
def test_escape_gives_a_reference_for_every_special_character(text: str) -> None:
    """Each Markdown-special character becomes its numeric reference, and nothing else does
    (apart from whitespace collapsing and the line-start rule)."""
    flat = " ".join(text.split())
    escaped = escape(text)
    for ch in "\\`*_{}[]#!|~<>&":
        assert escaped.count(f"&#{ord(ch)};") >= flat.count(ch)
    assert html.unescape(escaped) == flat


@settings(max_examples=200, deadline=None)
@given(
    value=field_text,
    refused=st.sampled_from(CONTROLS.replace("\x00", "")),
    at=st.integers(0, 200),
)
def test_a_control_or_bidi_override_anywhere_in_text_is_refused(
    value: str, refused: str, at: int
) -> None:
    text = value[:at] + refused + value[at:]
    record = {
        "speaker": "a",
        "when": {"date": "2022-07-28"},
        "summary": text,
        "channel": "a briefing",
        "fidelity": "paraphrase",
        "reported_in": [{"source": "s"}],
        "verification": "verified",
    }
    with pytest.raises(ValidationError) as raised:
        Statement.model_validate(record)
    assert [error["type"] for error in raised.value.errors()] == ["bad-character"]


@settings(max_examples=100, deadline=None)
@given(invisible=st.sampled_from(INVISIBLE))
def test_an_invisible_character_in_a_name_or_address_is_refused(invisible: str) -> None:
    actor = {
        "kind": "person",
        "name": f"Sergey La{invisible}vrov",
        "description": "d",
        "sources": ["s"],
        "verification": "verified",
    }
    with pytest.raises(ValidationError) as raised:
        Actor.model_validate(actor)
    assert raised.value.errors()[0]["type"] == "bad-character"
    source = {
        "publisher": "P",
        "url": f"https://example.org/a{invisible}b",
        "language": "en",
        "kind": "wire",
        "published": {"date": "2022"},
        "verification": "verified",
    }
    with pytest.raises(ValidationError) as raised:
        Source.model_validate(source)
    assert raised.value.errors()[0]["type"] == "bad-url"


_WORDS = st.text(alphabet="ab_1 é-\n.Ж外交部", max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=6), st.text(alphabet="ab_1 é-.Ж外交部", min_size=1, max_size=4))
def test_glossary_uses_are_the_whole_word_matches_of_each_text(texts: list[str], form: str) -> None:
    """Looking for a form in all texts at once finds exactly the texts that a whole-word
    regular expression finds it in, one text at a time; a Chinese character is a word of its
    own (Chinese is written without spaces)."""
    joined = rf"[^\W{UNSPACED}]"
    pattern = re.compile(rf"(?<!{joined}){re.escape(form)}(?!{joined})")
    expected = {n for n, text in enumerate(texts) if pattern.search(text)}
    assert Texts(texts).using(form) == expected


@given(
    st.text(max_size=300),
    st.sampled_from([None, 0.5, 2, 3]),
    st.booleans(),
)
def test_any_description_survives_the_front_matter(
    text: str, boost: float | None, wide: bool
) -> None:
    """The front matter the core writes gives back, through the YAML reader the engines use and
    the shortening every description goes through, exactly the description (less lone
    surrogates, which no page can carry) and nothing else: no text can add a key."""
    from mkdocs.utils.meta import get_data

    from generator.render.page_descriptions import shortened
    from generator.render.page_parts import FrontMatter

    description = shortened(text)
    front = FrontMatter(description, boost, wide)
    _body, meta = get_data(front.text() + "# Title\n")
    expected = "".join(c for c in description if not 0xD800 <= ord(c) <= 0xDFFF)
    assert meta.get("description", "") == (expected or "")
    assert set(meta) <= {"description", "search", "hide"}
    assert meta.get("search") == ({"boost": boost} if boost is not None else None)
    assert len(description) <= 200
