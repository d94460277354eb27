"""The two YAML paths agree: libyaml's (fast) gives the same values and positions as PyYAML's
Python composer, or declines and leaves the file to it. Errors always come from the Python
path, so their text never depends on which parser is installed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.load import yaml_positions as yamlio
from tests.helpers import BASE_DATA, REAL_DATA

CASES = sorted((Path(__file__).parent / "cases" / "errors").glob("*.yaml"))


def _both(text: str) -> tuple[Any, Any]:
    fast = yamlio._parse_fast(text)
    slow, problems = yamlio._parse_python(text, Path("x.yaml"), "x.yaml")
    python = None if slow is None else (slow.data, slow.positions)
    return fast, (python, problems)


def _agree(text: str) -> bool:
    fast, (python, problems) = _both(text)
    if fast is None:
        return True
    return not problems and python is not None and fast == python


def _texts() -> list[str]:
    texts = [p.read_text("utf-8") for p in sorted((*REAL_DATA.rglob("*.yaml"),))]
    texts += [p.read_text("utf-8") for p in sorted(BASE_DATA.rglob("*.yaml"))]
    for case in CASES:
        for content in (yaml.safe_load(case.read_text("utf-8")).get("files") or {}).values():
            if content is not None:
                texts.append(content)
    return texts


def test_fast_path_is_taken_and_agrees_on_every_data_file_and_error_case() -> None:
    texts = _texts()
    taken = 0
    for text in texts:
        assert _agree(text), text
        taken += yamlio._parse_fast(text) is not None
    # The real data takes the fast path (almost) everywhere; otherwise it would be no faster.
    real = [p.read_text("utf-8") for p in REAL_DATA.rglob("*.yaml")]
    assert sum(yamlio._parse_fast(text) is not None for text in real) >= 0.9 * len(real)
    assert taken > 0


def test_fast_path_declines_what_only_the_python_path_reports() -> None:
    for text in (
        "a: &x 1\nb: *x\n",
        "a: !!python/object:os.system 1\n",
        "a: " + "[" * 5000 + "]" * 5000 + "\n",
        "a: 1\na: 2\n",
        "a: [1\n",
        "a: 1\n---\nb: 2\n",
        "a:\n\t- b\n",
    ):
        assert yamlio._parse_fast(text) is None, text


scalars = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["true", "false", "null", "~", "", "2022-07-28", "no", "1e3", "<<", "- x"]),
    st.booleans(),
    st.none(),
)
documents = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(
    document=st.dictionaries(st.text(min_size=1, max_size=8), documents, max_size=5),
    flow=st.booleans(),
    style=st.sampled_from([None, '"', "'", "|"]),
)
def test_fast_and_python_paths_agree_on_generated_documents(
    document: dict[str, Any], flow: bool, style: str | None
) -> None:
    try:
        text = yaml.safe_dump(
            document, default_flow_style=flow, default_style=style, allow_unicode=True
        )
    except yaml.YAMLError:  # pragma: no cover - some styles cannot hold some strings
        return
    assert _agree(text), text


def test_paths_agree_on_line_breaks_and_characters_yaml_treats_specially() -> None:
    for text in (
        "a: b\x85c\n",
        "a: b\u2028c\n",
        "a: b\u2029c\n",
        "a: \ufeffb\n",
        "a: \x01\n",
        "a: b\x7fc\n",
        "a: 'it''s'\nb: \"\\u0041\\x41\"\n",
        "a: |\n  one\n  two\n\nb: >-\n  folded\n  text\n",
        "? complex\n: value\n",
        "a: b # comment\n",
        "- top\n- level\n",
        "",
        "# only a comment\n",
    ):
        assert _agree(text), repr(text)
