"""What one build makes: read from the site configuration's `extra` block and the HB_* environment variables."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from handbook_build.problems import BuildError

CONFIG_FILE = "mkdocs.yml"
_OFF = {"0", "false", "off", "nee"}


@dataclass(frozen=True)
class BuildOptions:
    """The build's choices: the pinned Pyodide, whether to make the memory snapshot and the PDF."""

    pyodide_version: str
    snapshot: bool = True
    pdf: bool = False

    @classmethod
    def from_extra(cls, extra: Mapping[str, Any]) -> BuildOptions:
        """`extra.pyodide_version` and `extra.pyodide_snapshot`; HB_PYODIDE_SNAPSHOT=0 and HB_PDF=1 win."""
        snapshot = bool(extra.get("pyodide_snapshot", True))
        if os.environ.get("HB_PYODIDE_SNAPSHOT", "").lower() in _OFF:
            snapshot = False
        pdf = os.environ.get("HB_PDF", "").lower() in {"1", "true", "yes", "ja", "on"}
        return cls(pyodide_version=str(extra["pyodide_version"]), snapshot=snapshot, pdf=pdf)


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its `extra` block: `!ENV [NAME, default]` as MkDocs does, other tags as plain values."""


def _env_tag(loader: _ConfigLoader, node: yaml.Node) -> Any:
    names = [node.value] if isinstance(node, yaml.ScalarNode) else [n.value for n in node.value]
    *variables, default = names if len(names) > 1 else [*names, None]
    return next((os.environ[name] for name in variables if name in os.environ), default)


def _any_tag(loader: _ConfigLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    return loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else loader.construct_mapping(node)


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_multi_constructor("!", _any_tag)


def read_site_config(project_dir: Path, config_file: str = CONFIG_FILE) -> dict[str, Any]:
    """The site configuration as plain data (nav, extra ...), read without MkDocs."""
    path = project_dir / config_file
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 - SafeLoader
    except (OSError, yaml.YAMLError) as error:
        raise BuildError(f"{config_file} is niet te lezen: {error}") from None
    return config if isinstance(config, dict) else {}


def read_options(project_dir: Path, config_file: str = CONFIG_FILE) -> BuildOptions:
    """The options from the project's site configuration, for a build without MkDocs."""
    extra = read_site_config(project_dir, config_file).get("extra") or {}
    if "pyodide_version" not in extra:
        raise BuildError(f"{config_file}: extra.pyodide_version ontbreekt (de Pyodide-versie uit package-lock.json)")
    return BuildOptions.from_extra(extra)
