"""Build-time glue for mkdocs-macros: define_env only registers; logic lives in plain modules."""

from __future__ import annotations

from pathlib import Path

from calculators import Parameters, embed, load_bundle
from handbook_build import documents as document_kit
from macros import region as regional
from macros import tables
from macros.changelog import render_changelog
from macros.data import DataError, bundle_json, load_data
from macros.runtime import Artifacts, RuntimeBuildError, build_artifacts, snapshot_enabled
from macros.tips import Tip, TipError, load_tips, material_tags, render_step_tips, render_tips_overview
from tools import handbook_pdf

# The artifacts of the current build: made once in define_env, written in on_post_build.
_artifacts: dict[Path, Artifacts] = {}
# Tips by page (docs-relative path), for Material tags set before each page is rendered.
_tips: dict[Path, dict[str, Tip]] = {}


def load_site_data(project_dir: Path) -> dict:
    """Validate data/ and return the bundle as the calculators see it (JSON round trip: Decimals, plain dicts)."""
    return load_bundle(bundle_json(load_data(project_dir / "data")))


def define_env(env) -> None:
    """Register the handbook's variables and macros."""
    from mkdocs.exceptions import PluginError  # the only MkDocs import: turn data errors into a clean build failure

    project_dir = Path(env.project_dir)
    try:
        text = bundle_json(load_data(project_dir / "data"))
        extra = env.conf["extra"]
        artifacts = build_artifacts(project_dir, text, str(extra["pyodide_version"]), snapshot_enabled(extra))
    except (DataError, RuntimeBuildError) as error:
        raise PluginError(str(error)) from None
    _artifacts[project_dir] = artifacts
    try:
        tips = load_tips(Path(env.conf["docs_dir"]), project_dir / "data")
    except TipError as error:
        raise PluginError(str(error)) from None
    try:  # a region file that lacks a field the documents need fails here, naming file, key and documents
        document_kit.check_region_fields(document_kit.load_documents(project_dir).values(), load_bundle(text))
    except document_kit.DocumentError as error:
        raise PluginError(str(error)) from None
    _tips[project_dir] = {tip.url: tip for tip in tips}
    env.conf["extra"]["runtime"] = artifacts.paths  # read by overrides/calculator.html
    bundle = load_bundle(text)
    parameters = Parameters(bundle)
    region = bundle["region"]
    env.variables["region"] = region
    # A regional fork: its name in the title and its own pages in the nav (only its own files changed).
    region_pages = regional.regional_pages(Path(env.conf["docs_dir"]))
    env.conf["site_name"] = regional.site_name(env.conf["site_name"], region)
    env.conf["nav"] = regional.nav_with_region(env.conf["nav"], region, region_pages)

    @env.macro
    def source_url(key: str) -> str:
        """URL of a registered source document (data/source_documents.json)."""
        return bundle["documents"][key]["url"]

    @env.macro
    def parameter_table(*files: str) -> str:
        """History table of every parameter in the given data files (paths as 'data/cao/x.yaml')."""
        return tables.parameter_history_table(
            parameters, [key for file in files for key in tables.keys_in_file(bundle, file)]
        )

    @env.macro
    def scheme_sections() -> str:
        return "\n\n".join(tables.scheme_section(bundle, scheme_id) for scheme_id in sorted(bundle["schemes"]))

    @env.macro
    def schemes_by_route() -> str:
        return tables.schemes_by_route(bundle)

    @env.macro
    def school_years() -> list[str]:
        return sorted(bundle["school_holidays"])

    @env.macro
    def school_year_table(school_year: str) -> str:
        return tables.school_year_table(bundle, school_year)

    @env.macro
    def holiday_regions_list() -> str:
        return "\n".join(
            f"- **{region['label']}**: {region['areas']}" for region in bundle["holiday_regions"].values()
        )

    @env.macro
    def facts_table(facts_id: str) -> str:
        return tables.facts_table(bundle, facts_id)

    @env.macro
    def calculator(name: str) -> str:
        """A calculator's form with its result for the default inputs, rendered now by the same Python code."""
        return embed(name, bundle)

    @env.macro
    def salary_table_status() -> str:
        return tables.salary_table_status(bundle)

    @env.macro
    def matching_columns() -> str:
        """The documented CSV columns of the regional matching, with downloadable templates."""
        from calculators.matching.view import render_column_docs

        return render_column_docs()

    @env.macro
    def pdf_link() -> str:
        """A link to the whole handbook as PDF, only in builds that make it (HB_PDF=1)."""
        if not handbook_pdf.pdf_enabled():
            return ""
        href = "../" * env.page.file.src_uri.count("/") + handbook_pdf.PDF_NAME
        return (f'<p class="hb-pdf"><a class="md-button" href="{href}" download>Download het hele handboek als '
                "pdf</a></p>")

    @env.macro
    def changelog() -> str:
        return render_changelog(bundle["changelog"])

    @env.macro
    def region_block() -> str:
        """The region's organisations, school and pages on the start page; nothing in the national build."""
        return regional.render_region_block(region, region_pages, env.page.file.src_uri)

    @env.macro
    def step_tips(step: int) -> str:
        """The "Tips uit de regio" section of a step page."""
        return render_step_tips(tips, step, env.page.file.src_uri)

    @env.macro
    def document(doc_id: str) -> str:
        """A bijlage's document, filled from the data, with its Word download (handbook_build/documents)."""
        return document_kit.render_document_block(doc_id, bundle, env.page.file.src_uri, project_dir=project_dir)

    @env.macro
    def step_resources(step: int) -> str:
        """The section "Wat je bij deze stap gebruikt": documents, calculators and tips (documents/steps.yaml)."""
        tips_markdown = render_step_tips(tips, step, env.page.file.src_uri)
        return document_kit.render_step_resources(step, tips_markdown, env.page.file.src_uri, project_dir)

    @env.macro
    def startpakket_link() -> str:
        """The download of every document of this region (and the PDF) as one zip, made by hooks/documents.py."""
        return document_kit.startpakket_link(env.page.file.src_uri, handbook_pdf.pdf_enabled())

    @env.macro
    def tips_overview() -> str:
        return render_tips_overview(tips, env.page.file.src_uri)


def on_pre_page_macros(env) -> None:
    """Give each tip its Material tags (steps, region, own tags) from its validated front matter."""
    tip = _tips.get(Path(env.project_dir), {}).get(env.page.file.src_uri)
    if tip:
        env.page.meta["tags"] = material_tags(tip)


def on_post_build(env) -> None:
    """After the build: ship Pyodide, the calculators zip, the data bundle and the memory snapshot."""
    from mkdocs.exceptions import PluginError

    site_dir = Path(env.conf["site_dir"])
    try:
        _artifacts[Path(env.project_dir)].write(site_dir)
    except RuntimeBuildError as error:
        raise PluginError(str(error)) from None

