"""Benchmark the generator and the site build on synthetic datasets of growing size.

    python -m bench.run --sizes 1000 10000 [--work DIR] [--update-docs]

For each size: write a synthetic dataset (`python -m bench.synth`), then time, each in its
own process, with its peak memory (the child's maximum resident set size):

- check:        python -m generator check
- render:       python -m generator render (loads and checks the data, then writes the
                generated Markdown and data files: check + render)
- full build:   python -m generator build (check, then mkdocs build --strict with the hook)
- plain build:  mkdocs build --strict of the rendered Markdown with no hook: MkDocs alone

and measure the built site, its search index and its largest page with the theme's assets,
gzipped. Prints one Markdown table and the ratios the targets are stated in; with
--update-docs, writes them into docs/performance.md between its markers.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.project import ROOT, copy_project
from generator import load_dataset
from generator.render.navigation import navigation

DOCS_PAGE = ROOT / "docs" / "performance.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
MIB = 1024 * 1024
REDIRECT = 'http-equiv="refresh"'
"""Marks the small redirect pages written at records' addresses (generator/render/layout.py); they
are counted apart from pages."""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float


@dataclass(frozen=True)
class Result:
    statements: int
    records: int
    check: Run
    render: Run
    build: Run
    plain: Run
    pages: int
    redirects: int
    site_mib: float
    index_mib: float
    index_gz_mib: float
    largest_page: str
    largest_gz_kib: float
    assets_gz_kib: float


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--work", type=Path, help="keep the datasets and sites here")
    parser.add_argument("--update-docs", action="store_true", help="write docs/performance.md")
    args = parser.parse_args(argv)
    if args.work is not None:
        args.work.mkdir(parents=True, exist_ok=True)
        work = args.work
    else:
        work = Path(tempfile.mkdtemp(prefix="explainer-bench-"))
    try:
        results = [_bench(size, work / f"n{size}") for size in args.sizes]
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    report = _report(results)
    print(report)
    if args.update_docs:
        text = DOCS_PAGE.read_text(encoding="utf-8")
        head, rest = text.split(START, 1)
        _, tail = rest.split(END, 1)
        DOCS_PAGE.write_text(f"{head}{START}\n{report}\n{END}{tail}", encoding="utf-8")
    return 0


def _bench(statements: int, folder: Path) -> Result:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    data, rendered = folder / "data", folder / "rendered"
    python = [sys.executable, "-m"]
    _timed([*python, "bench.synth", "--statements", str(statements), "--out", str(data)])
    records = sum(1 for _ in data.rglob("*.yaml"))
    check = _timed([*python, "generator", "check", "--data", str(data)])
    render = _timed([*python, "generator", "render", "--data", str(data), "--out", str(rendered)])

    full = copy_project(folder / "full", data)
    build = _timed(
        [*python, "generator", "build", "--data", str(data), "--site", str(folder / "site")],
        cwd=full,
    )
    plain_project = _without_hook(copy_project(folder / "plain", data), rendered, data)
    plain = _timed(
        [
            *python,
            "mkdocs",
            "build",
            "--strict",
            "--quiet",
            "--site-dir",
            str(folder / "plain-site"),
        ],
        cwd=plain_project,
    )
    site = folder / "site"
    html = sorted(site.rglob("*.html"))
    moved = [page for page in html if REDIRECT in page.read_text(encoding="utf-8")]
    pages = sorted(set(html) - set(moved))
    largest = max(pages, key=lambda page: (len(_gz(page)), page.as_posix()))
    assets = _assets(largest, site)
    index = site / "search" / "search_index.json"
    return Result(
        statements=statements,
        records=records,
        check=check,
        render=render,
        build=build,
        plain=plain,
        pages=len(pages),
        redirects=len(moved),
        site_mib=sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / MIB,
        index_mib=index.stat().st_size / MIB,
        index_gz_mib=len(_gz(index)) / MIB,
        largest_page=largest.relative_to(site).as_posix(),
        largest_gz_kib=len(_gz(largest)) / 1024,
        assets_gz_kib=sum(len(_gz(p)) for p in assets) / 1024,
    )


def _without_hook(project: Path, rendered: Path, data: Path) -> Path:
    """`project` building the already rendered pages, with the generator's hook left out and
    the navigation it would have set written into mkdocs.yml."""
    shutil.copytree(rendered, project / "assets", dirs_exist_ok=True)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("hooks:\n  - hooks/generate_pages.py\n", "")
    nav = navigation(load_dataset(data))
    config += "\nnav:\n" + "".join(f"  - {json.dumps(title)}: {path}\n" for title, path in nav)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def _timed(command: list[str], cwd: Path = ROOT) -> Run:
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": "0",
    }
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=environment, stdout=log, stderr=log)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            log.seek(0)
            sys.stderr.write(log.read()[-4000:].decode("utf-8", "replace"))
            raise SystemExit(f"failed: {' '.join(command)}")
    # Linux reports ru_maxrss in KiB.
    return Run(elapsed, usage.ru_maxrss / 1024)


_ASSET = re.compile(r'<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src)="([^"]+)"')


def _assets(page: Path, site: Path) -> list[Path]:
    """The style sheets and scripts `page` loads from the site itself."""
    found = []
    for reference in _ASSET.findall(page.read_text(encoding="utf-8")):
        if "://" in reference:
            continue
        target = (page.parent / reference.split("?")[0]).resolve()
        if target.is_file() and site.resolve() in target.parents:
            found.append(target)
    return sorted(set(found))


def _gz(path: Path) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)


def _report(results: list[Result]) -> str:
    lines = [
        f"Measured with `make bench` (`python -m bench.run --sizes "
        f"{' '.join(str(r.statements) for r in results)}`) on {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; each step in its own process, peak memory is "
        "its maximum resident set size; sizes gzipped at level 9.",
        "",
        "| statements | records | check | render | full build | MkDocs alone | pages "
        "| redirects | site | search index (gz) | largest page + assets (gz) |",
        "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        lines.append(
            f"| {r.statements:,} | {r.records:,} | {_run(r.check)} | {_run(r.render)} "
            f"| {_run(r.build)} | {_run(r.plain)} | {r.pages:,} | {r.redirects:,} "
            f"| {r.site_mib:.0f} MiB "
            f"| {r.index_mib:.1f} MiB ({r.index_gz_mib:.2f} MiB) "
            f"| {r.largest_gz_kib + r.assets_gz_kib:.0f} KiB (`{r.largest_page}`) |"
        )
    lines += ["", "Ratios:", ""]
    for r in results:
        # `render` loads and checks the data before it renders: its time is check + render.
        share = r.render.seconds / r.plain.seconds
        lines.append(
            f"- {r.statements:,} statements: check + render (the render command) = "
            f"{r.render.seconds:.1f} s, {share:.0%} of MkDocs alone"
        )
    if len(results) > 1:
        small, large = results[0], results[-1]
        lines.append(
            f"- t({large.statements:,}) / t({small.statements:,}) for the full build: "
            f"{large.build.seconds / small.build.seconds:.1f} "
            f"(data grows {large.statements / small.statements:.0f}×)"
        )
    return "\n".join(lines)


def _run(run: Run) -> str:
    return f"{run.seconds:.1f} s, {run.peak_mib:.0f} MiB"


if __name__ == "__main__":
    sys.exit(main())
