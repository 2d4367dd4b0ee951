"""MkDocs hook: the project's build pipeline (handbook_build) before and after MkDocs renders the pages."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from handbook_build import BuildError, BuildOptions, Pipeline

_pipelines: dict[str, Pipeline] = {}
_serving = {"on": False}  # mkdocs serve injects an inline live-reload script: no CSP there
# Not under the "mkdocs" logger on purpose: strict mode would turn these warnings into a failed build.
log = logging.getLogger("handbook_build")


def on_startup(command: str, **_: object) -> None:
    _serving["on"] = command == "serve"


@event_priority(100)  # before mkdocs-macros: bad data stops the build here, with its Dutch message
def on_config(config):
    config_file = Path(config.config_file_path)
    pipeline = Pipeline(config_file.parent, BuildOptions.from_extra(config.extra), Path(config.docs_dir),
                        config_file=config_file.name)
    try:
        pipeline.check()
        for warning in pipeline.warnings():
            log.warning("%s", warning)
    except BuildError as error:
        raise PluginError(str(error)) from None
    _pipelines[config.config_file_path] = pipeline
    return config


@event_priority(-100)  # last: the pipeline reads and completes the finished pages (handbook_build/pipeline.py)
def on_post_build(config) -> None:
    try:
        _pipelines[config.config_file_path].write(Path(config.site_dir), csp=not _serving["on"])
    except BuildError as error:
        raise PluginError(str(error)) from None
