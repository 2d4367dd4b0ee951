"""The fragments pages embed with a macro (`{{ parameter_table(...) }}`), as plain functions of the site content.

Each returns Markdown or HTML. None reads the page being rendered: a fragment with links knows its own page
(a step's tips sit on that step's page, the region block on the start page), so any generator that runs the
macros (mkdocs-macros, Zensical) gets the same text.
"""

from __future__ import annotations

from handbook_build import documents, glossary, pdf
from handbook_build.data import build_date
from handbook_build.freshness import render_status_page
from handbook_build.pages import journey, schemes, tables, wages
from handbook_build.pages import region as regional
from handbook_build.pages.changelog import render_changelog
from handbook_build.pages.prose import prose_value
from handbook_build.site import SiteContent
from handbook_build.tip_checks import TEMPLATE_BODY
from handbook_build.tips import OVERVIEW_PAGE, STEP_PAGES, render_step_tips, render_tips_overview

START_PAGE = "index.md"


def source_url(site: SiteContent, key: str) -> str:
    """URL of a registered source document (data/source_documents.json)."""
    return site.bundle["documents"][key]["url"]


def parameter_table(site: SiteContent, *files: str) -> str:
    """History table of every parameter in the given data files (paths as 'data/cao/x.yaml')."""
    keys = [key for file in files for key in tables.keys_in_file(site.bundle, file)]
    return tables.parameter_history_table(site.parameters, keys)


def scheme_sections(site: SiteContent) -> str:
    on = build_date()
    ids = sorted(site.bundle["schemes"])
    return "\n\n".join(tables.scheme_section(site.bundle, scheme_id, on) for scheme_id in ids)


def schemes_by_route(site: SiteContent) -> str:
    return tables.schemes_by_route(site.bundle, build_date())


def scheme_claim(site: SiteContent, scheme_id: str, claim: str, short: bool = False) -> str:
    """A sentence saying a scheme pays or can be applied for, with its status on the build date (schemes.py)."""
    return schemes.scheme_claim_html(site.bundle, scheme_id, claim, build_date(), short)


def scheme_status(site: SiteContent, scheme_id: str) -> str:
    """A scheme's status on the build date, with its source."""
    return schemes.scheme_status_html(site.bundle, scheme_id, build_date())


def funding_check(site: SiteContent, calculator_link: str | None = None) -> str:
    """The "funding first" block: per route certain, uncertain or closed, what must be true now, who confirms it."""
    return schemes.funding_check_html(site.bundle, build_date(), calculator_link)


def school_years(site: SiteContent) -> list[str]:
    return sorted(site.bundle["school_holidays"])


def school_year_table(site: SiteContent, school_year: str) -> str:
    return tables.school_year_table(site.bundle, school_year)


def holiday_regions_list(site: SiteContent) -> str:
    regions = site.bundle["holiday_regions"].values()
    return "\n".join(f"- **{region['label']}**: {region['areas']}" for region in regions)


def facts_table(site: SiteContent, facts_id: str) -> str:
    return tables.facts_table(site.bundle, facts_id)


def calculator(site: SiteContent, name: str) -> str:
    """A calculator's form with its result for the default inputs, rendered now by the same Python code."""
    from calculators import embed

    return embed(name, site.bundle)


def salary_table_status(site: SiteContent) -> str:
    return tables.salary_table_status(site.bundle)


def matching_columns() -> str:
    """The documented CSV columns of the regional matching, with downloadable templates."""
    from calculators.matching.view import render_column_docs

    return render_column_docs()


def pdf_link(page: str = START_PAGE) -> str:
    """A link to the whole handbook as PDF, only in builds that make it (HB_PDF=1)."""
    if not pdf.pdf_enabled():
        return ""
    href = "../" * page.count("/") + pdf.PDF_NAME
    return f'<p class="hb-pdf"><a class="md-button" href="{href}" download>Download het hele handboek als pdf</a></p>'


def changelog(site: SiteContent) -> str:
    return render_changelog(site.bundle["changelog"])


def region_block(site: SiteContent, page: str = START_PAGE) -> str:
    """The region's organisations, school and pages; nothing in the national build."""
    return regional.render_region_block(site.region, list(site.region_pages), page)


def step_tips(site: SiteContent, step: int) -> str:
    """The "Tips uit de regio" section of a step page (links relative to that step's page)."""
    return render_step_tips(site.tips, step, STEP_PAGES[step][1])


def tips_overview(site: SiteContent) -> str:
    """The tables of docs/tips/index.md."""
    return render_tips_overview(site.tips, OVERVIEW_PAGE)


def value(site: SiteContent, key: str, bare: bool = False) -> str:
    """A count or duration from data/ in running text, as in force on the build date ('6 weken')."""
    return prose_value(site.bundle, key, build_date(), bare)


def data_status_table(site: SiteContent) -> str:
    """The maintainer page's freshness report (docs/gegevens/actualiteit.md)."""
    return render_status_page(site.bundle, build_date(), site.project_dir)


def document(site: SiteContent, doc_id: str) -> str:
    """A bijlage's document, filled from the data, with its Word download; on the page its source names."""
    page = documents.load_documents(site.project_dir)[doc_id].page
    return documents.render_document_block(doc_id, site.bundle, page, project_dir=site.project_dir)


def step_resources(site: SiteContent, step: int) -> str:
    """The section "Wat je bij deze stap gebruikt" of a step page: documents, calculators, tips."""
    page = STEP_PAGES[step][1]
    return documents.render_step_resources(step, render_step_tips(site.tips, step, page), page, site.project_dir)


def startpakket_link(page: str = START_PAGE) -> str:
    """The startpakket download (written by the pipeline after the PDF), with links relative to `page`."""
    return documents.startpakket_link(page, pdf.pdf_enabled())


def tip_template() -> str:
    """The template of a new tip as a Markdown code block: example front matter and the body that
    tools/new_tip.py writes (one text, so the build can warn about a tip that still holds it)."""
    front = ('---\ntitle: "Eén leerwerkplek voor twee praktijken"\nregion: Haaglanden\nsteps: [5, 6]\n'
             'date: "2026-11-25"\nauthor: Zorggroep in de regio\ntags: [hagro, BBL]\n---\n\n')
    return f"```markdown\n{front}{TEMPLATE_BODY}```"


def cost_defaults_table(site: SiteContent) -> str:
    """The keys a region may set under cost_defaults in data/region.yaml, from the cost calculator's fields."""
    return regional.cost_defaults_table(site.bundle)


def wage_floors(site: SiteContent, calculator_link: str) -> str:
    """The salary floors of a BBL trainee and which applies when, by the cost calculator's own rule (wages.py)."""
    return wages.wage_floors_html(site.bundle, build_date(), calculator_link)


# The fragments of "Aan de slag" and "Na de start", by the name a page gives the macro `journey`.
JOURNEY_PARTS = {
    "roles": lambda bundle, where: journey.roles_section(bundle, where),  # a step (int) or a page after the start
    "roles_overview": lambda bundle, _: journey.roles_overview(bundle),
    "national_contacts": lambda bundle, _: journey.national_contacts(bundle),
    "regional_contacts": lambda bundle, _: journey.regional_contacts(bundle),
    "monitoring_table": lambda bundle, _: journey.monitoring_table(bundle),
    "monitoring_moments": lambda bundle, _: journey.monitoring_moments(bundle),
    "report_template": lambda bundle, _: journey.report_template(bundle),
    "report_recipients": lambda bundle, _: journey.report_recipients(bundle),
    "yearly_applications": lambda bundle, _: journey.yearly_applications(bundle, build_date()),
    "glossary": lambda bundle, _: glossary.glossary_page(bundle),  # the page Begrippen, from data/glossary.yaml
}


def journey_part(site: SiteContent, part: str, where: int | str | None = None) -> str:
    """One fragment made from data/roles.yaml, contacts.yaml, monitoring.yaml, glossary.yaml or the schemes' yearly
    windows: `part` names it (JOURNEY_PARTS); `where` is the step or page for "roles"."""
    if part not in JOURNEY_PARTS:
        raise KeyError(f"onbekend deel '{part}' voor de macro journey; kies uit: {', '.join(JOURNEY_PARTS)}")
    return JOURNEY_PARTS[part](site.bundle, where)

