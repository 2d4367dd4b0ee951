"""The handbook's build work, without MkDocs: validate data/ and the tips, generate the data-driven page content,
and write the browser runtime, generated outputs, service worker and PDF into a site folder.

    python -m handbook_build --site-dir site        # after any generator has written the pages

The MkDocs layer (hooks/, macros/) only calls into this package; see DESIGN.md.
"""

from handbook_build.options import BuildOptions
from handbook_build.pipeline import GENERATED_OUTPUTS, Pipeline
from handbook_build.problems import BuildError, DataError, DataProblem
from handbook_build.site import SiteContent, site_content

__all__ = [
    "GENERATED_OUTPUTS", "BuildError", "BuildOptions", "DataError", "DataProblem", "Pipeline", "SiteContent",
    "site_content",
]
