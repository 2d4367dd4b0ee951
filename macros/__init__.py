"""Build-time glue for mkdocs-macros: define_env only registers; logic lives in plain modules."""

from __future__ import annotations

import hashlib
from pathlib import Path

from calculators import Parameters, embed, load_bundle
from macros import tables
from macros.data import DataError, bundle_json, load_data

BUNDLE_DIR = "assets/data"


# The bundle text of the current build: loaded once in define_env, shipped in on_post_build.
_current_bundle_text: dict[Path, str] = {}


def load_site_data(project_dir: Path) -> dict:
    """Validate data/ and return the bundle as the calculators see it (JSON round trip: Decimals, plain dicts)."""
    text = bundle_json(load_data(project_dir / "data"))
    _current_bundle_text[project_dir] = text
    return load_bundle(text)


def write_bundle(text: str, site_dir: Path) -> Path:
    """Write the validated data as one JSON file whose name carries its content hash (cache forever)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    target = site_dir / BUNDLE_DIR / f"handboek-data.{digest}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def define_env(env) -> None:
    """Register the handbook's variables and macros."""
    from mkdocs.exceptions import PluginError  # the only MkDocs import: turn data errors into a clean build failure

    try:
        bundle = load_site_data(Path(env.project_dir))
    except DataError as error:
        raise PluginError(str(error)) from None
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
    """After the build: ship the data bundle for the in-browser calculators."""
    write_bundle(_current_bundle_text[Path(env.project_dir)], Path(env.conf["site_dir"]))
