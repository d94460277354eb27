"""The shipped dataset: valid and complete for the July 2022 episode; where the research sheet
beside the project is present, true to it."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from generator import load_dataset
from generator.schema.models import SINGULAR
from tests.helpers import REAL_DATA, ROOT

SHARED = ROOT.parent / "shared"
DATASET = load_dataset(REAL_DATA)


def test_check_passes_and_prints_the_counts() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--data", str(REAL_DATA)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Lower bounds, not today's counts: a contribution that adds a record keeps this green.
    found = re.match(
        r"no problems: (\d+) actors?, (\d+) sources?, (\d+) events?, (\d+) statements?, "
        r"(\d+) claims?, (\d+) contradictions?, (\d+) articles?, (\d+) glossary terms? "
        r"\(checked in ",
        result.stdout,
    )
    assert found, result.stdout
    counts = dict(zip(SINGULAR, map(int, found.groups()), strict=True))
    assert counts == DATASET.counts()
    assert counts["actors"] >= 14 and counts["statements"] >= 24 and counts["glossary"] >= 1


def test_dataset_is_complete_for_the_episode() -> None:
    counts = DATASET.counts()
    assert counts["actors"] >= 14
    assert counts["sources"] >= 60
    assert counts["events"] >= 25
    assert counts["statements"] >= 24
    assert counts["contradictions"] >= 7
    assert counts["claims"] >= 1
    assert counts["articles"] >= 1


@pytest.mark.skipif(
    not (SHARED / "seed" / "article.txt").is_file(), reason="shared/ not beside the project"
)
def test_the_article_is_the_seed_text_exactly() -> None:
    seed = (SHARED / "seed" / "article.txt").read_text(encoding="utf-8")
    assert DATASET.articles["republic-world-call-request"].text == seed


@pytest.mark.skipif(
    not (SHARED / "research" / "facts.yaml").is_file(), reason="shared/ not beside the project"
)
def test_every_quote_in_the_fact_sheet_is_carried_exactly() -> None:
    facts = yaml.safe_load((SHARED / "research" / "facts.yaml").read_text(encoding="utf-8"))
    carried = set()
    for statement in DATASET.statements.values():
        if statement.words:
            carried.add(statement.words.text)
        carried.update(translation.text for translation in statement.translations)
    for item in facts["statements"]:
        if item.get("quote_original_ru"):
            assert item["quote_original_ru"] in carried, item["id"]
        quote = item.get("quote")
        if quote and not quote.startswith("(own translation)"):
            assert quote in carried, item["id"]


@pytest.mark.skipif(
    not (SHARED / "research" / "facts.yaml").is_file(), reason="shared/ not beside the project"
)
def test_every_urls_comes_from_the_fact_sheet() -> None:
    facts = (SHARED / "research" / "facts.yaml").read_text(encoding="utf-8")
    for source_id, source in DATASET.sources.items():
        if source.url:
            assert source.url in facts, source_id


def test_the_article_annotates_all_fourteen_problems_and_accurate_passages() -> None:
    verdicts = Counter(
        a.verdict for a in DATASET.articles["republic-world-call-request"].annotations
    )
    assert verdicts["accurate"] >= 3
    problems = sum(count for verdict, count in verdicts.items() if verdict != "accurate")
    assert problems >= 14
    for verdict in (
        "wrong-actor",
        "paraphrase-as-quote",
        "altered-quote",
        "misattributed",
        "overstated",
        "contradicted",
        "timing",
        "typo",
        "omission",
    ):
        assert verdicts[verdict] >= 1, verdict
    # The research's word for each (facts.md §5): Q07 is false, not merely unsupported; Q01's
    # "Thursday" is the right day, its problem is calling agency answers a statement.
    by_passage = {
        a.passage: a.verdict for a in DATASET.articles["republic-world-call-request"].annotations
    }
    assert by_passage[
        "Blinken referred to the Biden administration's offer of exchanging the Russian arms dealer"
        " with Moscow"
    ] == "contradicted"
    assert by_passage["on Thursday announced in a statement"] == "overstated"


def test_unverified_records_stay_marked() -> None:
    unverified = {key for key, s in DATASET.statements.items() if s.verification == "unverified"}
    # These two could not be verified; a contribution may add more, not verify these silently.
    assert {
        "2022-07-27-blinken-as-republic-world-quotes",
        "2022-07-29-lavrov-ministry-not-involved",
    } <= unverified
    assert all(DATASET.statements[key].missing for key in unverified)


def test_russian_originals_are_kept_where_the_fact_sheet_has_them() -> None:
    russian = [s for s in DATASET.statements.values() if s.words and s.words.lang == "ru"]
    assert len(russian) >= 7


def test_timeline_is_in_true_order_across_zones() -> None:
    order = DATASET.timeline
    assert order.index("2022-07-28-price-briefing") < order.index(
        "2022-07-28-zakharova-to-interfax"
    )
    assert order.index("2022-07-27-blinken-press-availability") < order.index(
        "2022-07-27-mfa-no-requests"
    )
    assert order.index("2022-07-29-blinken-lavrov-call") < order.index("2022-07-29-mfa-readout")
    assert order[0] == "2018-12-whelan-detained"
    assert order[-2:] == ("2024-08-01-ankara-exchange", "2024-08-01-blinken-on-their-way")


def test_27_july_follows_what_the_sources_say_of_its_order() -> None:
    """The U.S. request came before Blinken's press availability (Price, 28 July), and Lavrov
    landed in Tashkent late in the evening there, after Washington's working day had begun:
    known only to their days, neither may sort by accident of its id or of local midnight."""
    order = DATASET.timeline
    assert order.index("2022-07-27-us-call-request") < order.index(
        "2022-07-27-blinken-press-availability"
    )
    arrival = order.index("2022-07-27-lavrov-arrives-tashkent")
    washington_daytime = [
        record_id
        for record_id in order
        if record_id.startswith("2022-07-27")
        and (DATASET.statements.get(record_id) or DATASET.events[record_id]).when.zone
        == "America/New_York"
    ]
    assert len(washington_daytime) >= 8
    assert all(order.index(record_id) < arrival for record_id in washington_daytime)


def test_every_data_file_points_editors_to_its_schema() -> None:
    for path in sorted(REAL_DATA.glob("*/*.yaml")):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        kind = SINGULAR[path.parent.name]
        assert first == f"# yaml-language-server: $schema=../../schema/{kind}.schema.json", path
        assert (ROOT / "schema" / f"{kind}.schema.json").is_file()


def test_ids_are_readable_file_stems() -> None:
    for path in sorted(REAL_DATA.glob("*/*.yaml")):
        assert path.stem in getattr(DATASET, path.parent.name)


def test_data_files_are_utf8_with_lf_line_endings() -> None:
    for path in sorted(Path(REAL_DATA).glob("*/*.yaml")):
        raw = path.read_bytes()
        assert b"\r" not in raw and not raw.startswith(b"\xef\xbb\xbf"), path
        raw.decode("utf-8")


def test_no_fact_sheet_ids_leak_into_reader_text() -> None:
    import re

    for path in sorted(REAL_DATA.glob("*/*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\b(S|ST|E|C|Q|A)\d{2}\b", text), path


def test_a_cache_reparses_only_changed_files(tmp_path: Path) -> None:
    import shutil

    from generator import check_data

    data = tmp_path / "data"
    shutil.copytree(REAL_DATA, data)
    cache: dict = {}
    first, _ = check_data(data, cache)
    assert len(cache) == len(list(data.glob("*/*.yaml")))
    before = {path: entry[1] for path, entry in cache.items()}
    actor = data / "actors" / "john-kirby.yaml"
    actor.write_text(
        actor.read_text(encoding="utf-8").replace("description: ", "description: Now ", 1),
        encoding="utf-8",
    )
    second, problems = check_data(data, cache)
    assert not problems and second is not None and first is not None
    assert second.actors["john-kirby"].description.startswith("Now ")
    changed = [path for path, entry in cache.items() if entry[1] is not before[path]]
    assert changed == [actor]


def test_outlets_funded_by_either_government_are_held_to_one_standard() -> None:
    """Voice of America (funded by the U.S. government) and RT, TASS, RIA Novosti, Sputnik and
    TV Zvezda (owned or controlled by the Russian state) are all state media: the source kinds
    do not rate one party's outlets above the other's."""
    funded = ("Voice of America", "VOA ", "RT", "TASS (", "RIA Novosti", "Sputnik", "TV Zvezda")
    found = {
        source.publisher: source.kind
        for source in DATASET.sources.values()
        if source.publisher.startswith(funded)
    }
    assert any(name.startswith(("Voice of America", "VOA ")) for name in found)
    assert any(name.startswith(("RT", "TASS (")) for name in found)
    assert set(found.values()) == {"state-media"}, found


def test_no_motive_is_read_into_one_sides_words() -> None:
    """Words that read a motive into what one side said (the record shows what was said,
    not why) stay out of records; a correction may quote them to say they were removed."""
    import json

    phrases = ("insisting", "avoid answering", "implied jab", "in order to put pressure",
               "garbled", "framed the exchange")  # fmt: skip
    for kind in ("statements", "events", "actors", "sources", "claims", "contradictions",
                 "articles", "glossary"):  # fmt: skip
        for record_id, record in getattr(DATASET, kind).items():
            text = json.dumps(record.model_dump(exclude={"corrections"}), ensure_ascii=False)
            for phrase in phrases:
                assert phrase not in text.casefold(), (kind, record_id, phrase)
