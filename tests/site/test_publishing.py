"""Where a published handbook lives: the Pages and repository addresses from the git remote, or a clear stop."""

from __future__ import annotations

import pytest

from handbook_build.publishing import pages_addresses


@pytest.mark.parametrize(("remote", "site", "repository"), [
    ("https://github.com/regio-twente/zij-instroom-handboek.git",
     "https://regio-twente.github.io/zij-instroom-handboek/", "https://github.com/regio-twente/zij-instroom-handboek"),
    ("git@github.com:Regio-Twente/handboek.git", "https://regio-twente.github.io/handboek/",
     "https://github.com/Regio-Twente/handboek"),
    ("https://x-access-token:geheim@github.com/regio/handboek", "https://regio.github.io/handboek/",
     "https://github.com/regio/handboek"),
    ("https://github.com/regio/regio.github.io", "https://regio.github.io/", "https://github.com/regio/regio.github.io"),
])
def test_a_github_remote_gives_the_pages_address(remote: str, site: str, repository: str) -> None:
    assert pages_addresses(remote) == (site, repository)


@pytest.mark.parametrize("remote", ["https://gitlab.com/regio/handboek.git", "/home/regio/handboek", ""])
def test_another_remote_gives_no_address(remote: str) -> None:
    assert pages_addresses(remote) is None
