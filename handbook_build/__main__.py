"""`python -m handbook_build --site-dir DIR`: validate, then write the pipeline's outputs into a built site.

Exit status 0 on success, 1 with the Dutch reason on a problem in the data, tips or a build step.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handbook_build.options import CONFIG_FILE
from handbook_build.pipeline import Pipeline
from handbook_build.problems import BuildError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m handbook_build", description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, help="the built site to write into")
    parser.add_argument("--project-dir", type=Path, default=Path.cwd(), help="the project (default: here)")
    parser.add_argument("--config-file", default=CONFIG_FILE, help="where extra.pyodide_version is read")
    parser.add_argument("--check", action="store_true", help="only validate data/ and the tips; write nothing")
    args = parser.parse_args(argv)
    if args.site_dir is None and not args.check:
        parser.error("--site-dir is nodig (of --check om alleen te controleren)")
    try:
        pipeline = Pipeline.for_project(args.project_dir.resolve(), config_file=args.config_file)
        content = pipeline.content()
        pipeline.check()  # also after another generator: documents' fields, and no scheme named against its status
        if args.check:
            print(f"data/ en {len(content.tips)} tips zijn in orde.")
            return 0
        args.site_dir.mkdir(parents=True, exist_ok=True)
        steps = pipeline.write(args.site_dir.resolve())
    except BuildError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{args.site_dir}: {', '.join(steps)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
