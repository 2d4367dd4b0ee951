"""The macros of the handbook's pages, for mkdocs-macros and for Zensical's reimplementation of it.

Module-level functions over the pipeline's fragments (handbook_build.pages.fragments); `define_env` only notes
where the project is and registers them. No MkDocs import and no `env.page`: Zensical gives `define_env` only
`conf`, `variables`, `macros` and `filters`, and calls it for every page, so it must stay cheap (the content
is cached by handbook_build.site until a file in data/ or docs/tips/ changes). Data errors are reported by the
build hook before the macros run (hooks/handbook.py), or by `python -m handbook_build`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from handbook_build.pages import fragments
from handbook_build.site import SiteContent, site_content

_project: dict[str, Path] = {}  # "dir" and "docs", set by define_env


def _site() -> SiteContent:
    return site_content(_project["dir"], _project["docs"])


def source_url(key: str) -> str:
    """URL of a registered source document (data/source_documents.json)."""
    return fragments.source_url(_site(), key)


def parameter_table(*files: str) -> str:
    """History table of every parameter in the given data files (paths as 'data/cao/x.yaml')."""
    return fragments.parameter_table(_site(), *files)


def scheme_sections() -> str:
    return fragments.scheme_sections(_site())


def schemes_by_route() -> str:
    return fragments.schemes_by_route(_site())


def scheme_claim(scheme_id: str, claim: str, short: bool = False) -> str:
    """A sentence saying a scheme pays or can be applied for, written as while it is open; when the data says it is
    unconfirmed or has ended, led by that status (short=True: the status in brackets, for a table cell)."""
    return fragments.scheme_claim(_site(), scheme_id, claim, short)


def scheme_status(scheme_id: str) -> str:
    """A scheme's status on the build date ('niet bevestigd sinds …'), with its source."""
    return fragments.scheme_status(_site(), scheme_id)


def funding_check(calculator_link: str | None = None) -> str:
    """Per route: certain, uncertain or closed, what must be true now and who confirms it (top of steps 1 and 6)."""
    return fragments.funding_check(_site(), calculator_link)


def wage_floors(calculator_link: str) -> str:
    """The salary floors of a BBL trainee and which applies when (bijlage 6F, the salary page)."""
    return fragments.wage_floors(_site(), calculator_link)


def school_years() -> list[str]:
    return fragments.school_years(_site())


def school_year_table(school_year: str) -> str:
    return fragments.school_year_table(_site(), school_year)


def holiday_regions_list() -> str:
    return fragments.holiday_regions_list(_site())


def facts_table(facts_id: str) -> str:
    return fragments.facts_table(_site(), facts_id)


def calculator(name: str) -> str:
    """A calculator's form with its result for the default inputs."""
    return fragments.calculator(_site(), name)


def salary_table_status() -> str:
    return fragments.salary_table_status(_site())


def matching_columns() -> str:
    return fragments.matching_columns()


def pdf_link() -> str:
    """A link to the whole handbook as PDF, only in builds that make it (HB_PDF=1); used on the start page."""
    return fragments.pdf_link()


def changelog() -> str:
    return fragments.changelog(_site())


def region_block() -> str:
    """The region's organisations, school and pages on the start page; nothing in the national build."""
    return fragments.region_block(_site())


def step_tips(step: int) -> str:
    return fragments.step_tips(_site(), step)


def tips_overview() -> str:
    return fragments.tips_overview(_site())


def value(key: str, bare: bool = False) -> str:
    """A count or duration from data/ in running text ('6 weken'); bare=True gives only the number."""
    return fragments.value(_site(), key, bare)


def data_status_table() -> str:
    return fragments.data_status_table(_site())


def document(doc_id: str) -> str:
    """A bijlage's document (documents/<id>.md), filled from the data, with its Word download."""
    return fragments.document(_site(), doc_id)


def step_resources(step: int) -> str:
    """A step page's documents, calculators and tips, from documents/steps.yaml."""
    return fragments.step_resources(_site(), step)


def startpakket_link(page: str = fragments.START_PAGE) -> str:
    """The startpakket download; `page` is the page it stands on (docs-relative), for a relative link."""
    return fragments.startpakket_link(page)


def tip_template() -> str:
    """The template of a new tip (front matter and headings), as a code block."""
    return fragments.tip_template()


def cost_defaults_table() -> str:
    """The keys a region may set under cost_defaults (docs/bijdragen/eigen-regio.md)."""
    return fragments.cost_defaults_table(_site())


def journey(part: str, where: int | str | None = None) -> str:
    """A part of "Aan de slag" or "Na de start" from data, by name (fragments.JOURNEY_PARTS); `where`: step or page."""
    return fragments.journey_part(_site(), part, where)


MACROS = (source_url, parameter_table, scheme_sections, schemes_by_route, scheme_claim, scheme_status, funding_check,
          wage_floors, school_years, school_year_table,
          holiday_regions_list, facts_table, calculator, salary_table_status, matching_columns, pdf_link, changelog,
          region_block, step_tips, tips_overview, value, data_status_table, document, step_resources,
          startpakket_link, tip_template, cost_defaults_table, journey)


def project_dir(conf: dict[str, Any]) -> Path:
    """The folder of the configuration file: MkDocs names the file, Zensical the folder."""
    return Path(conf["config_file_path"]).parent if conf.get("config_file_path") else Path(conf["root_dir"])


def define_env(env: Any) -> None:
    """Register the handbook's macros and the variables `region` (a fork's own pages) and `repo_url`."""
    folder = project_dir(env.conf)
    _project.update(dir=folder, docs=folder / env.conf["docs_dir"])
    env.variables.update({"region": _site().region, "repo_url": (env.conf.get("repo_url") or "").rstrip("/")})
    for macro in MACROS:
        env.macro(macro)
