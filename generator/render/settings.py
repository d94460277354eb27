"""What the pages need to know about the site they are published in: one typed object, made by
the engine adapter from its configuration (or by a test), never read from the environment."""

from __future__ import annotations

from dataclasses import dataclass

from generator.render.page_limits import MAX_PAGE_BYTES


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
    page_limit: int = MAX_PAGE_BYTES
    """The largest page a build accepts, in bytes of Markdown (see page_limits.py)."""
    version: str = ""
    """The data version citations carry, a hash of every record (export/data_files.py); left
    empty, the build computes it."""

    def absolute(self, path: str) -> str:
        """The public URL of a page path such as `statements/x/`, or `/statements/x/`."""
        return (self.url.rstrip("/") + "/" if self.url else "/") + path
