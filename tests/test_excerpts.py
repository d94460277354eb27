"""Where an excerpt is found: the same text whatever spaces or line breaks it was copied with,
and nothing else."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.dataset.excerpts import holds

words = st.lists(st.text(st.characters(exclude_categories=("Z", "Cc", "Cs")), min_size=1),
                 min_size=1, max_size=12)  # fmt: skip
spaces = st.sampled_from([" ", "  ", "\n", " \n  ", "\u00a0", "\t"])


@given(words, st.data())
def test_an_excerpt_matches_whatever_its_spacing(parts: list[str], data: st.DataObject) -> None:
    text = " ".join(parts)
    start = data.draw(st.integers(0, len(parts) - 1))
    end = data.draw(st.integers(start + 1, len(parts)))
    respaced = "".join(p + data.draw(spaces) for p in parts[start:end]).strip()
    assert holds(text, respaced)
    assert holds(text.replace(" ", "\n  "), " ".join(parts[start:end]))


def test_every_other_character_must_match() -> None:
    text = "Our governments have communicated repeatedly and directly on that proposal.  And"
    assert holds(text, "proposal. And")
    assert not holds(text, "proposal.And")  # a space is not optional
    assert not holds(text, "proposal. and")
    assert not holds(text, "proposal.\u200b And")  # an invisible character is a character
    assert not holds(text, "Our  governments communicated")
