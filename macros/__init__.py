"""Build-time glue for mkdocs-macros: registers variables, macros and filters; no logic here."""


def define_env(env) -> None:
    """Register the handbook's macros (filled in as data and calculators arrive)."""
