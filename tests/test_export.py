"""Open data: exports round-trip to the dataset, validate against their schemas, and are
deterministic; pages carry JSON-LD and "Cite this"."""

from __future__ import annotations

import csv
import io
import json
import re

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import load_dataset
from generator.export.data_files import Export, _from_cell, columns, csv_cell, read_csv
from generator.render.settings import SiteSettings
from generator.render.site import build_site, render_site
from generator.schema.json_schema import schema_documents
from generator.schema.models import KINDS, SINGULAR
from tests.helpers import REAL_DATA

DATASET = load_dataset(REAL_DATA)
FILES = build_site(DATASET).files


def test_explainer_json_round_trips_to_the_dataset() -> None:
    document = Export.model_validate_json(FILES["data/explainer.json"])
    for kind in KINDS:
        assert getattr(document.records, kind) == getattr(DATASET, kind), kind
    assert set(document.times) == set(DATASET.timeline)
    assert [i for i, _ in sorted(document.times.items(), key=lambda t: t[1].order)] == list(
        DATASET.timeline
    )


def test_explainer_json_validates_against_its_published_schema() -> None:
    schema = json.loads(FILES["data/explainer.schema.json"])
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(FILES["data/explainer.json"]), schema)


def test_every_data_file_validates_against_its_kind_schema() -> None:
    import yaml

    documents = schema_documents()
    for kind in KINDS:
        # One validator per kind: `jsonschema.validate` would check and compile the schema
        # again for every file.
        validator = jsonschema.Draft202012Validator(
            json.loads(documents[f"{SINGULAR[kind]}.schema.json"])
        )
        for path in sorted((REAL_DATA / kind).glob("*.yaml")):
            # PyYAML would read dates as dates; the schema (like check) expects text.
            text = path.read_text(encoding="utf-8")
            record = yaml.load(text, Loader=yaml.BaseLoader)
            record = json.loads(
                json.dumps(record).replace('"true"', "true").replace('"false"', "false")
            )
            validator.validate(record)


def test_times_carry_precision_zone_and_utc() -> None:
    times = json.loads(FILES["data/explainer.json"])["times"]
    assert times["2022-07-28-price-call-request"] == {
        "local": "2022-07-28T14:12", "order": times["2022-07-28-price-call-request"]["order"],
        "precision": "time", "utc_end": "2022-07-28T18:12:00Z", "utc_start": "2022-07-28T18:12:00Z",
        "zone": "America/New_York",
    }  # fmt: skip
    assert times["2018-12-whelan-detained"]["precision"] == "month"


@pytest.mark.parametrize("kind", list(KINDS))
def test_csv_reads_back_with_the_standard_library_to_the_model(kind: str) -> None:
    text = FILES[f"data/csv/{kind}.csv"]
    assert "\r\n" in text and not text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == columns(kind)
    assert len(rows) - 1 == len(getattr(DATASET, kind))
    assert read_csv(kind, text) == getattr(DATASET, kind)


def test_exports_are_deterministic() -> None:
    assert build_site(load_dataset(REAL_DATA)).files == FILES


def test_data_version_is_a_content_hash() -> None:
    version = json.loads(FILES["data/explainer.json"])["data_version"]
    assert re.fullmatch(r"[0-9a-f]{12}", version)
    assert f"data version {version}" in FILES["statements/2022-07-27-mfa-no-requests.md"]


def json_ld_blocks(markdown_text: str) -> list[dict[str, object]]:
    return [
        json.loads(block)
        for block in re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', markdown_text
        )
    ]


def test_statement_pages_embed_claim_json_ld() -> None:
    for statement_id, statement in DATASET.statements.items():
        (document,) = json_ld_blocks(FILES[f"statements/{statement_id}.md"])
        assert document["@context"] == "https://schema.org"
        assert document["@type"] == "Claim"
        assert document["author"]["name"] == DATASET.actors[statement.speaker].name  # type: ignore[index]
        assert document["author"]["@type"] in ("Person", "Organization")  # type: ignore[index]
        assert document["datePublished"] == statement.when.date
        assert len(document["appearance"]) == len(statement.reported_in)  # type: ignore[arg-type]
        assert "reviewRating" not in document
        if statement.words and statement.fidelity != "paraphrase":
            assert document["hasPart"]["@type"] == "Quotation"  # type: ignore[index]


def test_claims_and_contradictions_embed_json_ld() -> None:
    claims = json_ld_blocks(FILES["claims.md"])
    assert {c["identifier"] for c in claims} == set(DATASET.claims)
    contradictions = [
        block
        for record_id in DATASET.contradictions
        for block in json_ld_blocks(FILES[f"contradictions/{record_id}.md"])
    ]
    assert {c["identifier"] for c in contradictions} == set(DATASET.contradictions)
    assert all(c["@type"] == "CreativeWork" and c["name"] for c in contradictions)


def test_json_ld_cannot_be_closed_by_text() -> None:
    document = json_ld_blocks(FILES["statements/2022-07-27-mfa-no-requests.md"])[0]
    assert document  # parsed; any '<' inside was written as \\u003c
    for page in FILES.values():
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S):
            assert "<" not in block and ">" not in block


def test_every_record_page_offers_cite_this() -> None:
    site = SiteSettings(name="Explainer", url="https://example.org/x/")
    pages = render_site(DATASET, site)
    for kind in ("actors", "statements", "events", "sources", "articles", "contradictions"):
        for record_id in getattr(DATASET, kind):
            page = pages[f"{kind}/{record_id}.md"]
            assert "<summary>Cite this</summary>" in page
            assert f"https://example.org/x/{kind}/{record_id}/" in page
            assert f"@misc{{{record_id}," in page
    for record_id in DATASET.claims:
        assert f"https://example.org/x/claims/{record_id}/" in pages["claims.md"]


def test_without_a_site_url_citations_use_root_paths() -> None:
    page = FILES["actors/sergey-lavrov.md"]
    assert "<code>/actors/sergey-lavrov/</code>" in page


def test_the_data_page_links_every_export() -> None:
    page = FILES["data.md"]
    for path in FILES:
        if path.startswith("data/"):
            assert f"]({path})" in page, path


def test_edit_links_point_at_the_data_file_and_a_prefilled_issue() -> None:
    from urllib.parse import parse_qs, urlsplit

    site = SiteSettings(
        name="Explainer", repo_url="https://github.com/example/explainer", branch="main"
    )
    pages = render_site(DATASET, site)
    page = pages["statements/2022-07-27-mfa-no-requests.md"]
    assert (
        '<a href="https://github.com/example/explainer/edit/main/data/statements/'
        '2022-07-27-mfa-no-requests.yaml" rel="noopener noreferrer" class="external">'
        "Edit this record</a>"
    ) in page
    suggest = re.search(
        r'href="([^"]+)" rel="noopener noreferrer" class="external">Suggest a correction', page
    )
    assert suggest is not None
    url = urlsplit(suggest.group(1).replace("&amp;", "&"))
    query = parse_qs(url.query)
    assert url.path == "/example/explainer/issues/new"
    assert query["template"] == ["correction.yml"]
    assert query["record"] == ["data/statements/2022-07-27-mfa-no-requests.yaml"]
    assert query["title"][0].startswith("Correction: ")
    for kind in ("actors", "events", "sources"):
        for record_id in getattr(DATASET, kind):
            assert f"/edit/main/data/{kind}/{record_id}.yaml" in pages[f"{kind}/{record_id}.md"]
    assert "/edit/main/data/claims/" in pages["claims.md"]


def test_without_a_repository_there_are_no_edit_links() -> None:
    assert "Edit this record" not in FILES["statements/2022-07-27-mfa-no-requests.md"]


def test_the_issue_form_for_corrections_has_the_prefilled_field() -> None:
    import yaml

    from tests.helpers import ROOT

    form = yaml.safe_load(
        (ROOT / ".github" / "ISSUE_TEMPLATE" / "correction.yml").read_text(encoding="utf-8")
    )
    assert "record" in {item.get("id") for item in form["body"]}


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=30))
def test_no_csv_text_cell_starts_a_formula_and_every_cell_reads_back(value: str) -> None:
    cell = csv_cell(value)
    assert not re.match(r"[=+\-@\t\r]", cell)
    assert _from_cell(cell, str) == value


def test_a_formula_in_data_is_text_in_the_csv() -> None:
    assert csv_cell('=HYPERLINK("https://evil.example","x")') == (
        '\'=HYPERLINK("https://evil.example","x")'
    )
    assert csv_cell("@SUM(A1)") == "'@SUM(A1)"
    assert csv_cell("-2+3") == "'-2+3"
    assert csv_cell("'=x") == "''=x"
    assert csv_cell("'Tis") == "'Tis"
    assert csv_cell("Lavrov") == "Lavrov"
