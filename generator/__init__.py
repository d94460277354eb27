"""Annotated explainers of contested public statements: data in, cross-linked site out.

The core imports nothing from MkDocs. Its stages, each a folder, in the order a build runs:

- `schema/`: what a record is (pydantic models, the rules about one record, field types,
  vocabularies, times, JSON Schema);
- `load/`: discover the data files, parse each with positions, validate it on its own;
- `dataset/`: link the records into one `Dataset` (references, cross-record rules, order);
- `render/`: plan the pages (`layout`: where each record lives) and render them from templates;
- `built_html/`: what is done to the HTML an engine built (glossary marks, theme fixes);
- `export/`: the published data files;
- `write/`: output folders, replaced whole or not at all;
- `tools/`: the command line (`explainer`) and its preview.
"""

from __future__ import annotations

from pathlib import Path

from generator.dataset.link import Dataset, link
from generator.load.diagnostics import DataError, Diagnostic
from generator.load.discover_files import discover
from generator.load.read_explainer import load_explainer, load_pages, page_paths
from generator.load.read_records import FileCache, load_all

__version__ = "0.1.0"
__all__ = ["DataError", "Dataset", "Diagnostic", "check_data", "load_dataset"]


def check_data(
    data_dir: Path, cache: FileCache | None = None
) -> tuple[Dataset | None, list[Diagnostic]]:
    """Load and link everything under `data_dir`; return the dataset or every problem found.

    A caller that checks repeatedly may pass a `cache` it keeps between calls."""
    paths, problems = discover(data_dir)
    loaded, load_problems = load_all(paths, data_dir, cache)
    # Records whose file has problems of its own are left out of linking, but their ids are
    # known: a reference to one is not reported again as a reference to nothing, and every
    # other record is still linked, so one run reports every problem of the dataset.
    kinds = {path.stem: path.relative_to(data_dir).parts[0] for path in paths}
    for item in loaded:
        kinds.pop(item.id, None)
    settings, settings_problems = load_explainer(data_dir)
    pages, page_problems = load_pages(page_paths(data_dir))
    dataset, link_problems = link(loaded, unavailable=kinds, settings=settings, pages=pages)
    problems = sorted(
        [*problems, *load_problems, *settings_problems, *page_problems, *link_problems]
    )
    return (dataset if not problems else None), problems


def load_dataset(data_dir: Path) -> Dataset:
    """The linked dataset; raises DataError listing every problem."""
    dataset, problems = check_data(data_dir)
    if dataset is None:
        raise DataError(problems)
    return dataset
