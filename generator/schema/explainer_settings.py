"""What makes a data folder one explainer: `data/explainer.yaml`, its settings and front page.

Every word a reader sees that is not a record's (the site's title, the front page, the
publisher, the licence, the zones times are shown in) lives here, in the data folder, so the
generator, its templates and `mkdocs.yml` name no episode.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from generator.schema.field_types import (
    ActorRef,
    AnyRef,
    ContradictionRef,
    DateText,
    Language,
    Name,
    SiteUrl,
    Strict,
    Text,
    Url,
    Zone,
)

_REPO_PATH = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*(?:/[A-Za-z0-9_][A-Za-z0-9._-]*)*")


def _repo_path(value: str) -> str:
    if not _REPO_PATH.fullmatch(value) or ".." in value.split("/"):
        raise PydanticCustomError(
            "bad-path",
            "'{path}' is not a path inside the repository",
            {"path": value, "hint": "write folder names joined by '/', e.g. explainers/ceasefire"},
        )
    return value


RepoPath = Annotated[str, Field(max_length=200), AfterValidator(_repo_path)]
"""A branch name or a folder path inside the repository: names joined by '/', no '..'."""

SETTINGS_FILE = "explainer.yaml"
"""The settings file's name, at the top of the data folder."""


class Publisher(Strict):
    """Who publishes the explainer."""

    name: Name
    """The publisher's name as readers should see it."""
    url: Url | None = None
    """The publisher's web address."""


class Licence(Strict):
    """A licence readers may reuse under."""

    name: Name
    """Its short name, e.g. `CC BY 4.0`."""
    url: Url | None = None
    """Where its terms are published."""


class Licences(Strict):
    """The licences of the explainer's text and of its data files."""

    text: Licence | None = None
    """The licence of the pages' text (our words; quotations stay their authors')."""
    data: Licence | None = None
    """The licence of the published data files (records.json, the schemas)."""


class Party(Strict):
    """A side in the story: the government, organisation or camp whose people and bodies speak
    for it. The timeline can be narrowed to one side."""

    name: Name
    """The side as readers should see it, e.g. `U.S. government`."""
    actors: list[ActorRef] = Field(min_length=1)
    """The actors who speak or act for it (people and organisations)."""

    @property
    def slug(self) -> str:
        """The side in an address (`?side=u-s-government`): its name, lower case, words
        joined by '-'."""
        return re.sub(r"[\W_]+", "-", self.name.casefold()).strip("-")


class Point(Strict):
    """One sentence on the front page, with the records behind it."""

    text: Text
    """The point, in our own words."""
    records: list[AnyRef] = Field(min_length=1)
    """The records that show it (each linked after the text by its title)."""


class FrontPage(Strict):
    """The explainer's home page: what happened, the central dispute, what is and is not known."""

    lede: Text
    """The story in one or two sentences: what a reader should know after ten seconds."""
    key_points: list[Point] = []
    """The episode in a few lines, in order."""
    central_contradiction: ContradictionRef | None = None
    """The contradiction the explainer is about: its sides are shown on the front page."""
    known: list[Point] = []
    """What the record establishes."""
    unknown: list[Point] = []
    """What the public record does not settle, and the records that show the gap."""


class Explainer(Strict):
    """One explainer's settings: `data/explainer.yaml`. Every field but `title` is optional."""

    title: Text
    """The explainer's full title: the home page heading, citations and the site description."""
    short_title: Name | None = None
    """A shorter title for the header and each page's browser title (the full one by default)."""
    description: Text | None = None
    """One sentence for search engines and link previews."""
    language: Language = "en"
    """The language of the site's own words (the theme's language)."""
    original_languages: list[Language] = []
    """The languages of the quoted originals, besides the site's: search stems and segments
    them (e.g. `ru`, `zh`)."""
    sides: list[Party] = []
    """The sides of the story, each with the actors who speak for it: the timeline's filter
    offers them besides single actors."""
    reference_zones: list[Zone] = Field(default=["UTC"], min_length=1)
    """The IANA zones readers follow (e.g. the capitals of the two sides): a time recorded in
    one of them is also shown in the others; a time anywhere else is also shown in UTC."""
    publisher: Publisher | None = None
    """Who publishes the explainer."""
    authors: list[Name] = []
    """Who wrote it."""
    licence: Licences = Licences()
    """The licences of the text and the data."""
    site_url: SiteUrl | None = None
    """The published site's address (sitemap, canonical links, citations' full addresses)."""
    repo_url: SiteUrl | None = None
    """The repository readers can suggest corrections in (edit and report links)."""
    repo_branch: RepoPath = "main"
    """The repository's branch the edit links open files on."""
    data_path: RepoPath = "data"
    """The data folder's path inside the repository, for edit links (e.g. `data`, or
    `explainers/ceasefire`)."""
    published: DateText | None = None
    """When the explainer was first published (`YYYY-MM-DD`)."""
    updated: DateText | None = None
    """When its content last changed (`YYYY-MM-DD`), as the footer of every page says: set it
    with each change readers should know of (a new record, a correction)."""
    front: FrontPage | None = None
    """The home page; without it, the home page lists the explainer's sections."""

    @model_validator(mode="after")
    def _distinct_zones(self) -> Explainer:
        if len(set(self.reference_zones)) != len(self.reference_zones):
            raise PydanticCustomError(
                "duplicate-zone",
                "a reference zone is listed twice",
                {"field": "reference_zones"},
            )
        if self.published and self.updated and self.updated < self.published:
            raise PydanticCustomError(
                "updated-before-published",
                "'updated' ({updated}) is before 'published' ({published})",
                {
                    "field": "updated",
                    "updated": self.updated,
                    "published": self.published,
                    "hint": "an explainer is updated on or after the day it is first published",
                },
            )
        slugs = [side.slug for side in self.sides]
        if len(set(slugs)) != len(slugs) or not all(slugs):
            raise PydanticCustomError(
                "duplicate-value",
                "two sides have the same name (or a name without letters or digits)",
                {"field": "sides", "hint": "give each side a distinct name"},
            )
        if len(set(self.original_languages)) != len(self.original_languages):
            raise PydanticCustomError(
                "duplicate-value",
                "a language is listed twice",
                {"field": "original_languages", "hint": "list it once"},
            )
        return self

    @property
    def header_title(self) -> str:
        return self.short_title or self.title

    @property
    def search_languages(self) -> list[str]:
        """The site's language first, then each original language once (primary subtags)."""
        found: list[str] = []
        for tag in (self.language, *self.original_languages):
            primary = tag.split("-")[0]
            if primary not in found:
                found.append(primary)
        return found


DEFAULT_EXPLAINER = Explainer(title="Annotated explainer")
"""The settings of a data folder without `explainer.yaml`."""
