"""The project's build work after the pages are rendered, as ordered steps that write into the site folder.

Used by the MkDocs hook (hooks/pipeline.py) and by `python -m handbook_build --site-dir DIR` (after any
generator, e.g. Zensical: handbook_build/zensical.py). Steps, in order:

0. pages     — what the pipeline adds to every page (site_pages): the calculators' runtime paths, named
               checklists, meta descriptions, "Laatst bijgewerkt" from git
1. print     — the whole handbook on one page, print_page/ (print_page), from the finished pages
2. html      — valid HTML and a Content-Security-Policy on every page (html_fixes), before anything hashes pages
3. runtime   — self-hosted Pyodide, the calculators zip, the data bundle, the memory snapshot
4. generated — outputs made from data/ beside the pages: each function in GENERATED_OUTPUTS
               (the place for document kits and exports; also the progress overview of every checklist)
5. offline   — sw.js with the list of every file above, so it must come after them
6. pdf       — the whole handbook from the print page (HB_PDF=1), because it reads the finished site
7. startpakket — every Word document of the region and the PDF in one zip, last because it holds the PDF
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from handbook_build import claims, documents, git_dates, html_fixes, offline, pdf, print_page, progress, site_pages
from handbook_build.built_pages import read_pages
from handbook_build.data import build_date
from handbook_build.freshness import expiring_defaults
from handbook_build.options import CONFIG_FILE, BuildOptions, read_options
from handbook_build.pages import region as regional
from handbook_build.runtime import Artifacts, build_artifacts
from handbook_build.site import SiteContent, site_content
from handbook_build.site_config import SiteConfig, load_site_config
from handbook_build.tip_checks import template_warnings

# In a fork, national values are the national handbook's to update: the region takes them over with "Sync fork".
NATIONAL_UPDATE = (" Dit is een landelijke waarde: het landelijke handboek werkt haar bij, en je neemt die update "
                   "over met Sync fork op GitHub. Je hoeft er zelf niets aan te doen.")

# A generated output: (site content, site folder) -> the files it wrote. Register new kinds here.
GeneratedOutput = Callable[[SiteContent, Path], list[Path]]


def word_documents(content: SiteContent, site_dir: Path) -> list[Path]:
    """documenten/<id>.docx for every document in documents/ (the document kit)."""
    bundle = content.bundle
    return documents.write_docx_files(site_dir, bundle, documents.handbook_version(bundle), build_date(),
                                      project_dir=content.project_dir)


def presentations(content: SiteContent, site_dir: Path) -> list[Path]:
    """documenten/<id>.pptx for every document that is also a presentation (bijlage 1A), slides from its sections."""
    bundle = content.bundle
    return documents.write_pptx_files(site_dir, bundle, documents.handbook_version(bundle), build_date(),
                                      project_dir=content.project_dir)


def personal_templates(content: SiteContent, site_dir: Path) -> list[Path]:
    """documenten/sjablonen/<name>.docx: the Word templates the calculators fill in the reader's browser."""
    bundle = content.bundle
    return documents.write_personal_templates(site_dir, bundle, documents.handbook_version(bundle), build_date(),
                                              project_dir=content.project_dir)


def progress_overview(content: SiteContent, site_dir: Path) -> list[Path]:
    """The progress overview page filled with every checklist of the site, per step (progress.py)."""
    return progress.write_overview(site_dir, documents.handbook_version(content.bundle))


GENERATED_OUTPUTS: list[GeneratedOutput] = [word_documents, presentations, personal_templates, progress_overview]


@dataclass
class Pipeline:
    """One project's build: its options, its validated content and the runtime files made from them."""

    project_dir: Path
    options: BuildOptions
    docs_dir: Path | None = None
    config_file: str = CONFIG_FILE
    _artifacts: dict[str, Artifacts] = field(default_factory=dict, repr=False)

    @classmethod
    def for_project(cls, project_dir: Path, config_file: str = CONFIG_FILE) -> Pipeline:
        """The pipeline with options from the project's site configuration and the HB_* variables."""
        return cls(project_dir, read_options(project_dir, config_file), config_file=config_file)

    def content(self) -> SiteContent:
        """Validated data and tips (raises DataError with every problem)."""
        return site_content(self.project_dir, self.docs_dir)

    def artifacts(self) -> Artifacts:
        """The browser runtime's files for the current data (cached per data bundle)."""
        text = self.content().bundle_text
        if text not in self._artifacts:
            self._artifacts.clear()
            self._artifacts[text] = build_artifacts(
                self.project_dir, text, self.options.pyodide_version, self.options.snapshot
            )
        return self._artifacts[text]

    def check(self) -> None:
        """Checks across data and documents before any page is rendered (raises a BuildError)."""
        content = self.content()
        kit = documents.load_documents(self.project_dir)
        documents.check_region_fields(kit.values(), content.bundle)
        for doc_id in kit:  # every ⟦param:…⟧ names a parameter that exists: fail here, naming the document
            documents.render_document_markdown(doc_id, content.bundle, on=build_date(), project_dir=self.project_dir)
        # No page or document names a scheme as available while its status says otherwise (file, line, scheme).
        claims.check_claims(self.project_dir, content.bundle, build_date(), self.docs_dir)

    def warnings(self) -> list[str]:
        """Dutch warnings that must not fail the build: values behind a calculator's defaults that end soon, and
        tips that still hold the template's text. In a fork, a national value says who updates it."""
        content = self.content()
        fork = regional.is_regional(content.region)
        expiring = [
            f"Gegevens verlopen binnenkort: {message}"
            + (NATIONAL_UPDATE if fork and not message.startswith(f"data/{regional.REGION_DATA_FOLDER}/") else "")
            for message in expiring_defaults(content.bundle, build_date())
        ]
        unfinished = template_warnings({tip.url: tip.path.read_text(encoding="utf-8") for tip in content.tips})
        return [*expiring, *(f"Tip nog niet af: docs/{message}" for message in unfinished)]

    def runtime_paths(self) -> dict:
        """Site-relative paths of the runtime files, for the calculator pages' runtime settings."""
        return self.artifacts().paths

    def site_config(self) -> SiteConfig:
        """The site configuration with the region's title and nav, as every generator's build uses it."""
        return load_site_config(self.project_dir, self.content(), self.config_file)

    def write(self, site_dir: Path, *, csp: bool = True) -> list[str]:
        """Run every step into `site_dir`; return the names of the steps that ran.

        csp=False for a development server that injects inline scripts of its own (mkdocs serve).
        """
        content, config = self.content(), self.site_config()
        pages = read_pages(site_dir, content.docs_dir)
        site_pages.finish_pages(
            pages, runtime_paths=self.runtime_paths(), version=documents.handbook_version(content.bundle),
            site_description=config.site_description, changed=git_dates.last_changes(content.docs_dir),
            build_day=build_date(),
        )
        for page in pages:
            page.write()
        ran = ["pages"]
        if print_page.write_print_page(site_dir, pages, config, self.project_dir):
            ran.append("print")
        html_fixes.fix_site(site_dir, csp=csp)
        ran += ["html", "runtime"]
        self.artifacts().write(site_dir)
        for output in GENERATED_OUTPUTS:
            output(content, site_dir)
        if GENERATED_OUTPUTS:
            ran.append("generated")
        offline.write_service_worker(site_dir)
        ran.append("offline")
        if self.options.pdf:
            try:
                pdf.make_pdf(site_dir, site_url=config.site_url)
            except Exception as error:  # noqa: BLE001 - any failure must stop the build with its reason
                raise pdf.PdfError(f"De pdf van het handboek kon niet worden gemaakt: {error}") from None
            ran.append("pdf")
        documents.write_startpakket(site_dir, site_dir / pdf.PDF_NAME if self.options.pdf else None)
        ran.append("startpakket")
        return ran
