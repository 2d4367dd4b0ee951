"""Build-time glue for mkdocs-macros: define_env only registers; logic lives in plain modules."""

from __future__ import annotations

from pathlib import Path

from calculators import Parameters, embed, load_bundle
from macros import tables
from macros.data import DataError, bundle_json, load_data
from macros.runtime import Artifacts, RuntimeBuildError, build_artifacts

# The artifacts of the current build: made once in define_env, written in on_post_build.
_artifacts: dict[Path, Artifacts] = {}


def load_site_data(project_dir: Path) -> dict:
    """Validate data/ and return the bundle as the calculators see it (JSON round trip: Decimals, plain dicts)."""
    return load_bundle(bundle_json(load_data(project_dir / "data")))


def define_env(env) -> None:
    """Register the handbook's variables and macros."""
    from mkdocs.exceptions import PluginError  # the only MkDocs import: turn data errors into a clean build failure

    project_dir = Path(env.project_dir)
    try:
        text = bundle_json(load_data(project_dir / "data"))
        artifacts = build_artifacts(project_dir, text, str(env.conf["extra"]["pyodide_version"]))
    except (DataError, RuntimeBuildError) as error:
        raise PluginError(str(error)) from None
    _artifacts[project_dir] = artifacts
    env.conf["extra"]["runtime"] = artifacts.paths  # read by overrides/calculator.html
    bundle = load_bundle(text)
    parameters = Parameters(bundle)
    env.variables["region"] = bundle["region"]

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


def on_post_build(env) -> None:
    """After the build: ship Pyodide, the calculators zip and the data bundle for the browser."""
    _artifacts[Path(env.project_dir)].write(Path(env.conf["site_dir"]))
