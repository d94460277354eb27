"""What the pages need to know about the site they are published in: one typed object, made
from the explainer's settings (`explainer.yaml`) and the build's own (page limit, data version),
or by a test; never read from the environment."""

from __future__ import annotations

from dataclasses import dataclass

from generator.render.page_limits import MAX_PAGE_BYTES
from generator.schema.explainer_settings import Explainer


@dataclass(frozen=True)
class SiteSettings:
    name: str = "Annotated explainer"
    """The site's name, as citations give it."""
    url: str | None = None
    """The site's base URL (`site_url` in mkdocs.yml); without it, citations use root paths."""
    repo_url: str | None = None
    """The repository (`repo_url` in mkdocs.yml); without it, pages carry no edit links."""
    branch: str = "main"
    """The branch edit links open files on."""
    data_path: str = "data"
    """The data folder's path in the repository, for edit links."""
    reference_zones: tuple[str, ...] = ("UTC",)
    """The zones readers follow: a time in one is also shown in the others."""
    page_limit: int = MAX_PAGE_BYTES
    """The largest page a build accepts, in bytes of Markdown (see page_limits.py)."""
    version: str = ""
    """The data version citations carry, a hash of every record (export/data_files.py); left
    empty, the build computes it."""

    @classmethod
    def of(
        cls, explainer: Explainer, *, version: str = "", page_limit: int = MAX_PAGE_BYTES
    ) -> SiteSettings:
        """The settings of the explainer `explainer.yaml` describes."""
        return cls(
            name=explainer.title,
            url=explainer.site_url,
            repo_url=explainer.repo_url,
            branch=explainer.repo_branch,
            data_path=explainer.data_path.strip("/"),
            reference_zones=tuple(explainer.reference_zones),
            page_limit=page_limit,
            version=version,
        )

    def absolute(self, path: str) -> str:
        """The public URL of a page path such as `statements/x/`, or `/statements/x/`."""
        return (self.url.rstrip("/") + "/" if self.url else "/") + path
