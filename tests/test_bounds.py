"""Hostile inputs get a clear error quickly and in bounded memory: never a hang or a crash."""

from __future__ import annotations

import random
import time
import tracemalloc
from pathlib import Path

import pytest
import yaml

from bench.synth import LATIN
from generator import check_data, load_dataset
from generator.load.diagnostics import Diagnostic, did_you_mean
from generator.load.read_records import MAX_PROBLEMS_PER_FILE, load_file
from generator.render.article_page import place
from generator.schema.passages import find_occurrences
from generator.tools.cli import main

SECONDS = 2.0
PEAK_BYTES = 200 * 1024 * 1024


def _laughs() -> str:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(20):
        name, previous = chr(98 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [*{previous}, *{previous}, *{previous}, *{previous}]")
    return "\n".join(lines) + "\n"


BILLION_LAUGHS = _laughs()

CASES = {
    "enormous-file": ("x: " + "a" * 5_000_000 + "\n", "file-too-large"),
    "very-long-string": (
        "kind: person\nname: "
        + "a" * 200_000
        + "\ndescription: d\nsources: [s]\nverification: verified\n",
        "too-long",
    ),
    "deep-nesting": ("x: " + "[" * 50_000 + "]" * 50_000 + "\n", "too-deep"),
    "deep-block-nesting": ("".join(" " * i + f"k{i}:\n" for i in range(600)), "too-deep"),
    "alias-bomb": (BILLION_LAUGHS, "yaml-alias"),
    "python-object-tag": ("x: !!python/object/apply:os.system ['echo pwned']\n", "yaml-tag"),
    "many-keys": ("".join(f"k{i}: v\n" for i in range(25_000)), "too-many-problems"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input_fails_fast_in_bounded_memory(name: str, tmp_path: Path) -> None:
    text, code = CASES[name]
    path = tmp_path / "actors" / "hostile.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    loaded, problems = load_file(path, "actors")
    elapsed = time.perf_counter() - started
    # Memory is measured in a second run: tracing allocations slows the parser several-fold.
    tracemalloc.start()
    load_file(path, "actors")
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert loaded is None
    assert code in {problem.code for problem in problems}, problems[:3]
    assert elapsed < SECONDS, f"{name} took {elapsed:.2f} s"
    assert peak < PEAK_BYTES, f"{name} peaked at {peak / 2**20:.0f} MiB"


# Checks across records. Each hostile input is written by a function below (so that the same
# input can be measured with any version of the code), loaded without timing (the loader's own
# bounds are tested above), then linked: the step under test, timed, then run again under
# tracemalloc for its peak memory.


def write_long_article(data: Path) -> list[str]:
    """200,000 characters of text (the limit) and six passages of 7,000 characters, each with
    one letter changed; returns the stretches of text that were meant. difflib over the whole
    text made these hints take 97 s."""
    rng = random.Random(7)
    paragraphs = [_words(rng, 150).capitalize() + "." for _ in range(220)]
    text = "\n\n".join(paragraphs)[:196_000].rsplit(" ", 1)[0] + ".\n"
    meant = []
    for number in range(6):
        start = text.index(" ", 10_000 + 30_000 * number) + 1
        meant.append(text[start : text.index(" ", start + 7_000)])
    article = {
        "title": "A long article",
        "source": "wire-report",
        "language": "en",
        "text": text,
        "annotations": [
            {"passage": passage[:3_500] + "X" + passage[3_501:], "verdict": "accurate", "note": "n"}
            for passage in meant
        ],
        "verification": "verified",
    }
    dumped = yaml.safe_dump(article, width=10**9, allow_unicode=True, sort_keys=False)
    (data / "articles" / "long.yaml").write_text(dumped, encoding="utf-8")
    return meant


def write_mistyped_sources(data: Path) -> dict[str, tuple[str, str]]:
    """3,000 sources and 1,000 actors, each naming a source with one letter left out; returns
    actor id -> (the id typed, the id meant). Comparing each with every id took 39 s."""
    rng = random.Random(3)
    sources = sorted({f"{rng.choice(LATIN)}-{rng.choice(LATIN)}-{n:04d}" for n in range(3_000)})
    source = (data / "sources" / "wire-report.yaml").read_text(encoding="utf-8")
    for source_id in sources:
        (data / "sources" / f"{source_id}.yaml").write_text(source, encoding="utf-8")
    mistyped = {}
    for number, meant in enumerate(rng.sample(sources, 1_000)):
        cut = rng.randrange(meant.index("-"))
        typed = meant[:cut] + meant[cut + 1 :]
        mistyped[f"actor-{number:04d}"] = (typed, meant)
        (data / "actors" / f"actor-{number:04d}.yaml").write_text(
            "kind: person\nname: A person\ndescription: Someone.\n"
            f"sources: [{typed}]\nverification: verified\n",
            encoding="utf-8",
        )
    return mistyped


def write_repeated_statement(data: Path) -> None:
    """A 60 kB contradiction naming one statement 30,000 times: check passed it, and its page
    grew with every copy (24 MB of Markdown; a 150 MB page and 380 s of build)."""
    statements = data / "statements"
    (statements / "s.yaml").write_text(
        (statements / "2022-07-28-assertion.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (data / "contradictions" / "was-it-requested.yaml").write_text(
        "title: Was a request made?\ntype: direct-denial\nclaim: request-made\nsides:\n"
        f"  - label: Speaker\n    statements: [{','.join(['s'] * 30_000)}]\n    summary: Yes.\n"
        "  - label: Ministry\n    statements: [2022-07-28-denial]\n    summary: No.\n"
        "analysis: The accounts cannot both be true.\nstatus: open\nverification: verified\n",
        encoding="utf-8",
    )


def write_unknown_actors(data: Path) -> None:
    """An event naming 10,000 actors that do not exist: check printed 10,000 problems."""
    actors = "".join(f"  - nobody-{number}\n" for number in range(10_000))
    (data / "events" / "2022-07-28-briefing.yaml").write_text(
        'title: A briefing\nkind: briefing\nwhen:\n  date: 2022-07-28\n  time: "14:12"\n'
        f"  zone: America/New_York\nplace: Washington\nactors:\n{actors}"
        "sources: [wire-report]\nverification: verified\n",
        encoding="utf-8",
    )


def check_step(data: Path) -> tuple[list[Diagnostic], float, int]:
    """The problems `check` finds in `data` (each file's rules, then those across records),
    the seconds it took, and its peak traced bytes."""
    find_occurrences.cache_clear()  # the second, traced run must search the text again
    started = time.perf_counter()
    _dataset, found = check_data(data)
    elapsed = time.perf_counter() - started
    find_occurrences.cache_clear()
    tracemalloc.start()
    check_data(data)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return found, elapsed, peak


def _bounded(name: str, elapsed: float, peak: int) -> None:
    assert elapsed < SECONDS, f"{name} took {elapsed:.2f} s"
    assert peak < PEAK_BYTES, f"{name} peaked at {peak / 2**20:.0f} MiB"


def _printed(capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["check", "--data", "data"]) == 1
    return capsys.readouterr().out.splitlines()


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(LATIN) for _ in range(count))


def test_near_misses_in_a_long_article_get_their_hint_quickly(base_data: Path) -> None:
    meant = write_long_article(base_data)
    problems, elapsed, peak = check_step(base_data)
    _bounded("near-miss passages", elapsed, peak)
    assert [(p.code, p.field) for p in problems] == [
        ("passage-not-found", f"annotations[{number}].passage") for number in range(6)
    ]
    for problem, passage in zip(problems, meant, strict=True):
        assert problem.hint == f"the closest passage is: {passage!r}"


def test_unknown_references_among_thousands_of_ids_get_hints_quickly(base_data: Path) -> None:
    mistyped = write_mistyped_sources(base_data)
    problems, elapsed, peak = check_step(base_data)
    _bounded("unknown references", elapsed, peak)
    assert len(problems) == 1_000
    for problem in problems:
        typed, meant = mistyped[Path(problem.path).stem]
        assert (problem.code, problem.message) == ("unknown-source", f"no source '{typed}'")
        assert problem.hint == f"did you mean '{meant}'?"
    candidates = [path.stem for path in (base_data / "sources").glob("*.yaml")]
    for problem in problems[:5]:
        typed, _meant = mistyped[Path(problem.path).stem]
        assert problem.hint == did_you_mean(typed, candidates), "not the exhaustive answer"


def test_a_record_listed_thousands_of_times_is_refused_quickly(
    base_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_repeated_statement(base_data)
    problems, elapsed, peak = check_step(base_data)
    _bounded("repeated references", elapsed, peak)
    assert {problem.code for problem in problems} == {"duplicate-ref", "too-many-problems"}
    printed = _printed(capsys)
    shown = "data/contradictions/was-it-requested.yaml"
    assert printed[:6] == [
        f"{shown}:0:0: error[too-many-problems] 29949 more problem(s) in this file not shown",
        "    hint: fix the ones above first; is this the right file?",
        f"{shown}:6:20: error[duplicate-ref] sides[0].statements[1]: "
        "'s' is listed more than once in sides[0].statements",
        "    hint: list each record once",
        f"{shown}:6:22: error[duplicate-ref] sides[0].statements[2]: "
        "'s' is listed more than once in sides[0].statements",
        "    hint: list each record once",
    ]
    assert len(printed) == 2 * (1 + MAX_PROBLEMS_PER_FILE)


def test_reference_problems_are_capped_per_file(
    base_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_unknown_actors(base_data)
    problems, elapsed, peak = check_step(base_data)
    _bounded("10,000 unknown references", elapsed, peak)
    assert len(problems) == MAX_PROBLEMS_PER_FILE + 1
    printed = _printed(capsys)
    shown = "data/events/2022-07-28-briefing.yaml"
    assert printed[:4] == [
        f"{shown}:0:0: error[too-many-problems] 9950 more problem(s) in this file not shown",
        "    hint: fix the ones above first; is this the right file?",
        f"{shown}:9:5: error[unknown-actor] actors[0]: no actor 'nobody-0'",
        "    hint: no such file under data/actors/; add it or correct the id",
    ]
    assert printed[-2] == f"{shown}:58:5: error[unknown-actor] actors[49]: no actor 'nobody-49'"
    assert len(printed) == 2 * (1 + MAX_PROBLEMS_PER_FILE)


def write_one_word_annotated(data: Path) -> None:
    """An article whose 3,000 annotations mark each of the first 1,000 occurrences (the most an
    annotation may name) of three words in turn: valid, and each annotation's page mark walked
    the whole text again (20 s to render)."""
    annotations = "".join(
        f"  - {{passage: {word}, occurrence: {number}, verdict: accurate, note: n}}\n"
        for word in "abc"
        for number in range(1, 1_001)
    )
    (data / "articles" / "words.yaml").write_text(
        "title: One word\nsource: wire-report\nlanguage: en\n"
        f"text: {'a b c ' * 10_000}\nannotations:\n{annotations}verification: verified\n",
        encoding="utf-8",
    )


def test_an_article_marking_one_word_thousands_of_times_is_placed_quickly(base_data: Path) -> None:
    write_one_word_annotated(base_data)
    problems, elapsed, peak = check_step(base_data)
    assert problems == []
    _bounded("3,000 annotations of one word", elapsed, peak)
    article = load_dataset(base_data).articles["words"]
    find_occurrences.cache_clear()
    started = time.perf_counter()
    placed = place(article)
    elapsed = time.perf_counter() - started
    assert [mark.start for mark in placed] == list(range(0, 6_000, 2))
    assert elapsed < SECONDS, f"placing the marks took {elapsed:.2f} s"
