"""How to cite a record, and the schema.org JSON-LD that describes it to other tools.

Citations carry the record's stable URL and id and the data version (a hash of the dataset),
so a citation still identifies exactly what was cited after the data changes. JSON-LD uses
schema.org `Claim` for statements with no rating: we give no verdict where we have none.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from generator.dataset.link import Dataset
from generator.render.layout import permalink
from generator.render.settings import SiteSettings
from generator.schema.models import Actor, Statement

_BIBTEX_SPECIAL = str.maketrans(
    {
        "\\": "\\textbackslash{}",
        "{": "\\{",
        "}": "\\}",
        "%": "\\%",
        "#": "\\#",
        "&": "\\&",
        "$": "\\$",
        "_": "\\_",
        "^": "\\textasciicircum{}",
        "~": "\\textasciitilde{}",
    }
)


def bibtex_text(text: str) -> str:
    """`text` as a BibTeX field value that LaTeX prints as written: a backslash, brace or `%`
    would end the field, open a command or start a comment."""
    return " ".join(text.split()).translate(_BIBTEX_SPECIAL)


def bibtex_url(url: str) -> str:
    """An address inside `\\url{}`, which takes it as written except that a brace or a
    backslash would end the field: those (never valid in an address as such) and spaces are
    percent-encoded, which leaves the address the same."""
    return "".join(f"%{ord(ch):02X}" if ch in "{}\\ " else ch for ch in url)


ACCESSED = "[date you read it]"
"""Where a citation's access date goes: the build cannot know it, so the page's script
(`cite-date.js`) writes the reader's date there; without it, the reader sees what to add."""


@dataclass(frozen=True)
class Citation:
    """How to cite a record: its stable address, in plain text and in BibTeX (the "Cite this"
    box, `cite.html.j2`)."""

    url: str
    record_id: str
    plain: str
    bibtex: str


def cite(site: SiteSettings, title: str, record_id: str, path: str) -> Citation:
    """A record's citation: its title, the site, the record id, the data version and the
    stable address of `path`."""
    url = site.absolute(path)
    version = f", data version {site.version}" if site.version else ""
    flat = " ".join(title.split())
    # A title that ends a sentence already ("...was made.") takes no second full stop.
    ended = flat if flat.endswith((".", "!", "?", "…")) else f"{flat}."
    plain = f"“{ended}” {site.name}, record {record_id}{version}. {url}. Accessed {ACCESSED}."
    bibtex = (
        f"@misc{{{record_id},\n  title = {{{bibtex_text(title)}}},\n"
        f"  howpublished = {{\\url{{{bibtex_url(url)}}}}},\n"
        f"  urldate = {{{ACCESSED}}},\n"
        f"  note = {{{bibtex_text(site.name)}, record {record_id}{version}}}\n}}"
    )
    return Citation(url, record_id, plain, bibtex)


def json_ld(document: dict[str, Any]) -> str:
    """A JSON-LD script element; `<`, `>` and `&` are escaped so no text can end the element."""
    text = json.dumps(
        {"@context": "https://schema.org", **document}, ensure_ascii=False, sort_keys=True
    )
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def _agent(actor: Actor, site: SiteSettings, actor_id: str) -> dict[str, Any]:
    kind = "Person" if actor.kind == "person" else "Organization"
    return {"@type": kind, "name": actor.name, "url": site.absolute(permalink("actors", actor_id))}


def _appearances(dataset: Dataset, source_ids: list[str]) -> list[dict[str, Any]]:
    found = []
    for source_id in source_ids:
        source = dataset.sources[source_id]
        item: dict[str, Any] = {
            "@type": "CreativeWork",
            "publisher": {"@type": "Organization", "name": source.publisher},
        }
        if source.title:
            item["name"] = source.title
        if source.url:
            item["url"] = source.url
        if source.published:
            item["datePublished"] = source.published.date
        found.append(item)
    return found


def statement_ld(dataset: Dataset, site: SiteSettings, statement_id: str) -> dict[str, Any]:
    statement: Statement = dataset.statements[statement_id]
    speaker = dataset.actors[statement.speaker]
    document: dict[str, Any] = {
        "@type": "Claim",
        "@id": site.absolute(permalink("statements", statement_id)),
        "identifier": statement_id,
        "name": statement.summary,
        "author": _agent(speaker, site, statement.speaker),
        "datePublished": statement.when.date,
        "appearance": _appearances(dataset, [r.source for r in statement.reported_in]),
    }
    if statement.words and statement.fidelity != "paraphrase":
        document["hasPart"] = {
            "@type": "Quotation",
            "text": statement.words.text,
            "inLanguage": statement.words.lang,
            "creator": _agent(speaker, site, statement.speaker),
        }
    if statement.translations:
        document["workTranslation"] = [
            {
                "@type": "Quotation",
                "text": t.text,
                "inLanguage": t.lang,
                "translator": {"@type": "Thing", "name": t.by},
            }
            for t in statement.translations
        ]
    return document


def claim_ld(dataset: Dataset, site: SiteSettings, claim_id: str) -> dict[str, Any]:
    claim = dataset.claims[claim_id]
    return {
        "@type": "Claim",
        "@id": site.absolute(permalink("claims", claim_id)),
        "identifier": claim_id,
        "name": claim.proposition,
        "appearance": [
            {
                "@type": "Claim",
                "@id": site.absolute(permalink("statements", s.statement)),
                "name": dataset.statements[s.statement].summary,
            }
            for s in claim.stances
        ],
    }


def contradiction_ld(dataset: Dataset, site: SiteSettings, contradiction_id: str) -> dict[str, Any]:
    item = dataset.contradictions[contradiction_id]
    parts = []
    for side in item.sides:
        for statement_id in side.statements:
            parts.append(statement_ld(dataset, site, statement_id))
    return {
        "@type": "CreativeWork",
        "@id": site.absolute(permalink("contradictions", contradiction_id)),
        "identifier": contradiction_id,
        "name": item.title,
        "abstract": item.analysis,
        "hasPart": parts,
    }
