"""A production build refuses addresses that would publish a developer's machine or a guessed repository."""

from __future__ import annotations

import pytest

from trustdocs.mkdocs_hooks import repository_edit_uri
from trustdocs.pipeline.publishing import publishing_problems

REPO = "https://github.com/childrens-trusts/guidance"


@pytest.mark.parametrize(
    "site_url, reason",
    [
        (None, "site_url is not set: set TRUSTDOCS_SITE_URL to the https:// address"),
        ("http://127.0.0.1:8000/", "site_url is http://127.0.0.1:8000/: set TRUSTDOCS_SITE_URL to an https:// address"),
        ("https://127.0.0.1:8000/", "127.0.0.1 is a loopback or private address"),
        ("https://[::1]/", "::1 is a loopback or private address"),
        ("https://localhost/", "localhost is not a public address"),
        ("https://preview.localhost/", "preview.localhost is not a public address"),
        ("https://10.1.2.3/", "10.1.2.3 is a loopback or private address"),
        ("https://192.168.0.10/", "192.168.0.10 is a loopback or private address"),
        ("https://site.example/", "site.example is not a public address"),
        ("https://example.com/", "example.com is not a public address"),
        ("https://intranet/", "intranet is not a full domain name"),
    ],
)
def test_site_urls_that_must_not_be_published(site_url, reason):
    (problem,) = publishing_problems(site_url, REPO)
    assert problem.startswith("site_url ") and reason in problem


def test_a_real_address_and_repository_may_be_published():
    assert publishing_problems("https://guidance.childrens-trusts.org.uk/", REPO) == []
    assert publishing_problems("https://guidance.childrens-trusts.org.uk/", None) == [
        "repo_url is not set: set TRUSTDOCS_REPO_URL to the https:// address"
    ]


def _production_build(root, tmp_path, **env):
    import os
    import subprocess
    import sys

    environ = {k: v for k, v in os.environ.items() if not k.startswith("TRUSTDOCS_")}
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "trustdocs.cli", "build", "--production", "--site-dir", str(site)],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        env={**environ, **env},
    )
    return result, site


@pytest.mark.slow  # starts an MkDocs build
def test_a_production_build_with_local_defaults_builds_nothing(root, tmp_path):
    result, site = _production_build(root, tmp_path, TRUSTDOCS_REPO_URL=REPO)
    assert result.returncode == 1
    assert "site_url is http://127.0.0.1:8000/: set TRUSTDOCS_SITE_URL to an https:// address" in result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.slow  # starts an MkDocs build
def test_a_production_build_reads_mkdocs_yml_with_the_environment(root, tmp_path):
    """The addresses checked are those MkDocs will use: mkdocs.yml with the environment applied."""
    result, _ = _production_build(root, tmp_path)
    assert result.returncode == 1
    assert "repo_url is not set: set TRUSTDOCS_REPO_URL to the https:// address" in result.stderr


@pytest.mark.parametrize(
    "edit_uri, expected",
    [
        ("edit/main/docs/", "edit/main/"),
        ("edit/main/docs", "edit/main/"),
        ("-/edit/trunk/docs/", "-/edit/trunk/"),
        ("edit/main/", "edit/main/"),
    ],
)
def test_data_files_are_edited_at_the_repository_root(edit_uri, expected):
    assert repository_edit_uri(edit_uri, "/work/project/docs") == expected


@pytest.mark.slow  # builds the site
def test_a_local_build_has_no_edit_links(data_copy, monkeypatch):
    monkeypatch.delenv("TRUSTDOCS_REPO_URL", raising=False)
    result, out = data_copy.build_site()
    assert result.returncode == 0, result.stderr
    police = (out / "partners" / "police" / "index.html").read_text(encoding="utf-8")
    assert "/edit/" not in police and "md-content__button" not in police
