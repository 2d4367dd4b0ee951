"""Where a published handbook lives: its GitHub Pages address and repository address, from the git remote.

`./tasks publish` needs both (the canonical address of every page, the "edit this page" links). The publish
workflow sets them from the repository it runs in; by hand they come from the remote `origin` of the checkout,
or the command stops with a message, so a site never goes out with the placeholder addresses of mkdocs.yml.

    python -m handbook_build.publishing   prints HB_SITE_URL=... and HB_REPO_URL=... (exit 1 with a message)
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

_GITHUB_REMOTE = re.compile(
    r"(?:https://(?:[^@/\s]+@)?github\.com/|git@github\.com:|ssh://git@github\.com/)"
    r"(?P<owner>[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)/(?P<repo>[A-Za-z0-9._-]+?)(?:\.git)?/?"
)


def pages_addresses(remote: str) -> tuple[str, str] | None:
    """(site address, repository address) of a GitHub repository's Pages site, from a git remote address;
    None when the remote is not a GitHub repository."""
    found = _GITHUB_REMOTE.fullmatch(remote.strip())
    if found is None:
        return None
    owner, repo = found["owner"], found["repo"]
    host = f"{owner.lower()}.github.io"
    site = f"https://{host}/" if repo.lower() == host else f"https://{host}/{repo}/"
    return site, f"https://github.com/{owner}/{repo}"


def origin_remote(project_dir: Path) -> str | None:
    finished = subprocess.run(["git", "remote", "get-url", "origin"], cwd=project_dir, capture_output=True,
                              text=True, check=False)
    if finished.returncode != 0:
        return None
    return finished.stdout.strip() or None


NO_ADDRESS = (
    "Publiceren stopt: het adres van de site is niet bekend. De workflow Publiceren op GitHub vult het zelf in. "
    "Publiceer je met de hand, geef dan beide adressen op, bijvoorbeeld:\n"
    "  HB_SITE_URL=https://jouw-account.github.io/zij-instroom-handboek/ "
    "HB_REPO_URL=https://github.com/jouw-account/zij-instroom-handboek ./tasks publish 2026.1\n"
    "of voeg de repository op GitHub toe als remote: git remote add origin https://github.com/jouw-account/..."
)


def main(project_dir: Path = Path()) -> int:
    remote = origin_remote(project_dir)
    addresses = pages_addresses(remote) if remote else None
    if addresses is None:
        found = f" (de remote origin is {remote}, geen repository op GitHub)" if remote else ""
        print(NO_ADDRESS.replace("niet bekend.", f"niet bekend{found}.", 1), file=sys.stderr)
        return 1
    site, repository = addresses
    print(f"HB_SITE_URL={site}\nHB_REPO_URL={repository}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
