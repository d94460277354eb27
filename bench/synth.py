"""A synthetic dataset of any size that passes `check`, for benchmarks.

Records come in the proportions of the real explainer (per 26 statements: 15 actors, 82
sources, 30 events, 7 claims, 7 contradictions and one article with 27 annotated passages;
the 16 glossary terms do not grow), with long and short quotes, Cyrillic and Latin text, and
several time zones. The same size and seed give the same files, byte for byte. Every text says
it is synthetic; none of it is a real quote or a real address.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

REAL_STATEMENTS = 26
PER_REAL_STATEMENTS = {
    "actors": 15,
    "sources": 82,
    "events": 30,
    "claims": 7,
    "contradictions": 7,
    "articles": 1,
}
ANNOTATIONS_PER_ARTICLE = 27
ZONES = ("America/New_York", "Europe/Moscow", "Europe/London", "Asia/Tashkent", "Asia/Tokyo")
_LATIN_WORDS = (
    "minister talks exchange prisoners request call channel report comment denial offer "
    "meeting statement detained citizens response ministry press office official visit phone "
    "summit adviser release trial court sentence charges agreement swap envoy deal government "
    "source announcement interview conference reporters question answer"
)
LATIN = tuple(_LATIN_WORDS.split(" "))
_CYRILLIC_WORDS = (
    "министр переговоры обмен заключённые просьба звонок канал посольство брифинг "
    "предложение министерство представитель комментарий агентство опровержение встреча "
    "делегация заявление граждане ответ дипломатия мегафонная"
)
CYRILLIC = tuple(_CYRILLIC_WORDS.split(" "))
TERMS = (
    ("MFA", "Ministry of Foreign Affairs"),
    ("SCO", "Shanghai Cooperation Organisation"),
    ("TASS", None),
    ("megaphone diplomacy", None),
    ("quiet diplomacy", None),
    ("EDT", "Eastern Daylight Time"),
    ("MSK", "Moscow Standard Time"),
    ("UTC", "Coordinated Universal Time"),
    ("embassy", None),
    ("briefing", None),
    ("delegation", None),
    ("sanctions", None),
    ("proposal", None),
    ("negotiations", None),
    ("spokesman", None),
    ("agency", None),
)
TERM_RATE = 0.021
"""The share of English filler words that are glossary terms. In the real data 1.6% of the
words in record text are glossary terms (163 of 10,103); at this rate the synthetic data has
about as many. (When every third filler word was a term, pages carried twenty times more
glossary tooltips than the real ones, and that, not the layout, was most of their size.)"""
SOURCE_KINDS = ("wire", "major-outlet", "state-media", "other-outlet", "official-statement")
EVENT_KINDS = ("briefing", "call", "meeting", "announcement", "media-report", "request")
STANCES = ("asserts", "denies", "declines-to-confirm", "acknowledges", "qualifies")
VERDICTS = ("accurate", "paraphrase-as-quote", "altered-quote", "misattributed", "overstated")
FIRST_DAY = 738_000  # proleptic ordinal of 2021-07-23; dates spread over four years from here
DAYS = 4 * 365


def counts_for(statements: int) -> dict[str, int]:
    """How many records of each kind go with `statements` statements."""
    scaled = {
        kind: max(1, round(statements * per / REAL_STATEMENTS))
        for kind, per in PER_REAL_STATEMENTS.items()
    }
    return {"statements": statements, **scaled, "glossary": len(TERMS)}


def synthesise(statements: int, seed: int = 1) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Every record as (kind, id, fields), in a fixed order."""
    rng = random.Random(seed)
    n = counts_for(statements)
    actor_ids = [f"actor-{i:05d}" for i in range(n["actors"])]
    source_ids = [f"source-{i:06d}" for i in range(n["sources"])]
    event_ids = [f"event-{i:05d}" for i in range(n["events"])]
    statement_ids = [f"statement-{i:05d}" for i in range(statements)]
    claim_ids = [f"claim-{i:05d}" for i in range(n["claims"])]
    event_days = [FIRST_DAY + rng.randrange(DAYS) for _ in event_ids]

    for index, actor_id in enumerate(actor_ids):
        yield "actors", actor_id, _actor(rng, index, source_ids)
    for index, source_id in enumerate(source_ids):
        yield "sources", source_id, _source(rng, index, source_ids)
    for index, event_id in enumerate(event_ids):
        yield "events", event_id, _event(rng, index, event_days[index], actor_ids, source_ids)
    statement_events: list[int] = []
    for index, statement_id in enumerate(statement_ids):
        event = rng.randrange(len(event_ids))
        statement_events.append(event)
        zone = ZONES[event % len(ZONES)]  # the event's: its date is the same local day
        fields = _statement(
            rng, index, (event_ids[event], event_days[event], zone), actor_ids, source_ids
        )
        yield "statements", statement_id, fields
    for index, claim_id in enumerate(claim_ids):
        picked = rng.sample(statement_ids, min(len(statement_ids), rng.randint(2, 4)))
        yield "claims", claim_id, _claim(rng, index, picked)
    for index in range(n["contradictions"]):
        picked = rng.sample(statement_ids, min(len(statement_ids), 2))
        fields = _contradiction(rng, index, claim_ids[index % len(claim_ids)], picked)
        yield "contradictions", f"contradiction-{index:05d}", fields
    for index in range(n["articles"]):
        fields = _article(rng, index, source_ids, statement_ids, event_ids)
        yield "articles", f"article-{index:05d}", fields
    for index, (term, expansion) in enumerate(TERMS):
        yield "glossary", f"term-{index:02d}", _term(term, expansion, source_ids)


def write_dataset(out_dir: Path, statements: int, seed: int = 1) -> dict[str, int]:
    """Write the dataset under `out_dir` (which must not exist); return the counts."""
    out_dir.mkdir(parents=True)
    for kind in (*PER_REAL_STATEMENTS, "statements", "glossary"):
        (out_dir / kind).mkdir()
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    for kind, record_id, fields in synthesise(statements, seed):
        text = yaml.dump(fields, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)
        (out_dir / kind / f"{record_id}.yaml").write_text(text, encoding="utf-8")
    return counts_for(statements)


def _words(rng: random.Random, count: int, cyrillic: bool = False) -> str:
    if cyrillic:
        return " ".join(rng.choice(CYRILLIC) for _ in range(count))
    return " ".join(
        rng.choice(TERMS)[0] if rng.random() < TERM_RATE else rng.choice(LATIN)
        for _ in range(count)
    )


def _verification(rng: random.Random) -> dict[str, str]:
    if rng.random() < 0.08:
        return {"verification": "unverified", "missing": "a second, independent source"}
    return {"verification": "verified"}


def _date(day: int) -> str:
    from datetime import date

    return date.fromordinal(day).isoformat()


def _actor(rng: random.Random, index: int, source_ids: list[str]) -> dict[str, Any]:
    kind = ("person", "person", "organisation", "state")[index % 4]
    fields: dict[str, Any] = {
        "kind": kind,
        "name": f"Synthetic {kind.capitalize()} {index}",
        "description": f"A synthetic {kind} for benchmarks: {_words(rng, 12)}.",
    }
    if index % 3 == 0:
        fields["name_original"] = {"text": f"Синтетический {index}", "lang": "ru"}
    if kind == "person":
        fields["roles"] = [
            {"title": f"Spokesperson {_words(rng, 2)}", "sources": [rng.choice(source_ids)]}
        ]
    fields["sources"] = [rng.choice(source_ids)]
    return fields | _verification(rng)


def _source(rng: random.Random, index: int, source_ids: list[str]) -> dict[str, Any]:
    russian = index % 3 == 0
    fields: dict[str, Any] = {
        "publisher": f"Synthetic {'Вестник' if russian else 'Gazette'} {index % 97}",
        "title": _words(rng, rng.randint(4, 12), cyrillic=russian).capitalize(),
    }
    if index % 17 == 0:
        fields["url_missing"] = "the synthetic copy has no address"
    else:
        fields["url"] = f"https://example.org/synthetic/{index}"
    fields["published"] = {"date": _date(FIRST_DAY + rng.randrange(DAYS))}
    fields["language"] = "ru" if russian else "en"
    fields["kind"] = SOURCE_KINDS[index % len(SOURCE_KINDS)]
    if index % 5 == 4:
        fields["carries"] = source_ids[index - 1]
    return fields | _verification(rng)


def _event(
    rng: random.Random, index: int, day: int, actor_ids: list[str], source_ids: list[str]
) -> dict[str, Any]:
    when: dict[str, Any] = {"date": _date(day), "zone": ZONES[index % len(ZONES)]}
    if index % 2 == 0:
        when["time"] = f"{rng.randrange(24):02d}:{rng.randrange(60):02d}"
    fields: dict[str, Any] = {
        "title": f"Synthetic {EVENT_KINDS[index % len(EVENT_KINDS)]}: {_words(rng, 6)}",
        "kind": EVENT_KINDS[index % len(EVENT_KINDS)],
        "when": when,
        "actors": rng.sample(actor_ids, min(len(actor_ids), 2)),
        "description": _words(rng, rng.randint(10, 40)).capitalize() + ".",
        "sources": rng.sample(source_ids, min(len(source_ids), 2)),
    }
    return fields | _verification(rng)


def _statement(
    rng: random.Random,
    index: int,
    event: tuple[str, int, str],
    actor_ids: list[str],
    source_ids: list[str],
) -> dict[str, Any]:
    event_id, day, zone = event
    russian = index % 2 == 1
    when: dict[str, Any] = {"date": _date(day), "zone": zone}
    if index % 3 == 0 and int(event_id.rsplit("-", 1)[1]) % 2 == 1:
        # Only within an event of a whole day: a timed event is one moment.
        when["time"] = f"{rng.randrange(24):02d}:{rng.randrange(60):02d}"
    length = rng.choice((6, 12, 25, 60, 120))
    fields: dict[str, Any] = {
        "speaker": rng.choice(actor_ids),
        "when": when,
        "event": event_id,
        "channel": "synthetic briefing" if index % 2 else "synthetic comment to an agency",
        "words": {"lang": "ru" if russian else "en", "text": _words(rng, length, russian)},
    }
    if russian:
        fields["translations"] = [
            {"lang": "en", "text": _words(rng, length), "by": "our translation"}
        ]
    fields["fidelity"] = ("verbatim-primary", "verbatim-reported")[index % 2]
    fields["summary"] = f"Synthetic statement {index}: {_words(rng, 10)}."
    fields["reported_in"] = [
        {"source": source_id} for source_id in rng.sample(source_ids, min(len(source_ids), 3))
    ]
    return fields | _verification(rng)


def _claim(rng: random.Random, index: int, statement_ids: list[str]) -> dict[str, Any]:
    return {
        "proposition": f"Synthetic proposition {index}: {_words(rng, 8)}.",
        "stances": [
            {"statement": statement_id, "stance": STANCES[(index + i) % len(STANCES)]}
            for i, statement_id in enumerate(statement_ids)
        ],
    } | _verification(rng)


def _contradiction(
    rng: random.Random, index: int, claim_id: str, statement_ids: list[str]
) -> dict[str, Any]:
    return {
        "title": f"Synthetic question {index}: {_words(rng, 6)}?",
        "type": "direct-denial",
        "claim": claim_id,
        "sides": [
            {"label": f"Side {side}", "statements": [statement_id], "summary": _words(rng, 12)}
            for side, statement_id in enumerate(statement_ids)
        ],
        "analysis": _words(rng, 40).capitalize() + ".",
        "status": "open",
    } | _verification(rng)


def _article(
    rng: random.Random,
    index: int,
    source_ids: list[str],
    statement_ids: list[str],
    event_ids: list[str],
) -> dict[str, Any]:
    paragraphs: list[str] = []
    annotations: list[dict[str, Any]] = []
    for number in range(ANNOTATIONS_PER_ARTICLE):
        passage = f"Passage {number} of synthetic article {index} reports {_words(rng, 8)}."
        paragraphs.append(f"{_words(rng, 30).capitalize()}. {passage} {_words(rng, 20)}.")
        annotations.append(
            {
                "passage": passage,
                "verdict": VERDICTS[number % len(VERDICTS)],
                "note": f"Synthetic note: {_words(rng, 15)}.",
                "statements": [rng.choice(statement_ids)],
                "events": [rng.choice(event_ids)],
            }
        )
    return {
        "title": f"Synthetic article {index}",
        "source": rng.choice(source_ids),
        "language": "en",
        "text": "\n\n".join(paragraphs),
        "annotations": annotations,
    } | _verification(rng)


def _term(term: str, expansion: str | None, source_ids: list[str]) -> dict[str, Any]:
    fields: dict[str, Any] = {"term": term}
    if expansion:
        fields["expansion"] = expansion
    fields["definition"] = f"A synthetic definition of {term} for benchmarks."
    fields["sources"] = [source_ids[0]]
    return fields | {"verification": "verified"}


def main(argv: list[str] | None = None) -> int:
    """`python -m bench.synth --statements N --out DIR [--seed S]`."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.synth",
        description="Write a made-up dataset with N statements and records of every kind, for "
        "benchmarks and tests at scale. Its records say they are synthetic.",
    )
    parser.add_argument("--statements", type=int, required=True, metavar="N", help="statements")
    parser.add_argument("--out", required=True, metavar="DIR", help="a folder that does not exist")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    args = parser.parse_args(argv)
    out_dir = Path(args.out)
    if args.statements < 2:
        print("error: --statements must be at least 2", file=sys.stderr)
        return 2
    if out_dir.exists():
        print(f"error: {out_dir} already exists; give a new folder", file=sys.stderr)
        return 2
    counts = write_dataset(out_dir, args.statements, args.seed)
    print(f"wrote {out_dir}: " + ", ".join(f"{n} {kind}" for kind, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
