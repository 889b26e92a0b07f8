"""A production build refuses addresses that would publish a developer's machine or a guessed repository."""

from __future__ import annotations

import pytest

from trustdocs.cli import _unpublishable, main
from trustdocs.mkdocs_hooks import repository_edit_uri
from trustdocs.pipeline.publishing import publishing_problems

REPO = "https://github.com/childrens-trusts/guidance"


@pytest.mark.parametrize("site_url, reason", [
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
])
def test_site_urls_that_must_not_be_published(site_url, reason):
    (problem,) = publishing_problems(site_url, REPO)
    assert problem.startswith("site_url ") and reason in problem


def test_a_real_address_and_repository_may_be_published():
    assert publishing_problems("https://guidance.childrens-trusts.org.uk/", REPO) == []
    assert publishing_problems("https://guidance.childrens-trusts.org.uk/", None) == [
        "repo_url is not set: set TRUSTDOCS_REPO_URL to the https:// address"]


def test_the_production_check_reads_mkdocs_yml_with_the_environment(root, monkeypatch):
    monkeypatch.delenv("TRUSTDOCS_SITE_URL", raising=False)
    monkeypatch.delenv("TRUSTDOCS_REPO_URL", raising=False)
    assert _unpublishable(root / "mkdocs.yml") == [
        "site_url is http://127.0.0.1:8000/: set TRUSTDOCS_SITE_URL to an https:// address",
        "repo_url is not set: set TRUSTDOCS_REPO_URL to the https:// address",
    ]
    monkeypatch.setenv("TRUSTDOCS_SITE_URL", "https://guidance.childrens-trusts.org.uk/")
    monkeypatch.setenv("TRUSTDOCS_REPO_URL", REPO)
    assert _unpublishable(root / "mkdocs.yml") == []


def test_a_production_build_with_local_defaults_builds_nothing(root, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("TRUSTDOCS_SITE_URL", raising=False)
    monkeypatch.setenv("TRUSTDOCS_REPO_URL", REPO)
    site = tmp_path / "site"
    code = main(["--data", str(root / "data"), "build", "--production", "--config", str(root / "mkdocs.yml"),
                 "--site-dir", str(site)])
    assert code == 1
    err = capsys.readouterr().err
    assert "error: site_url is http://127.0.0.1:8000/: set TRUSTDOCS_SITE_URL to an https:// address" in err
    assert not site.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("edit_uri, expected", [
    ("edit/main/docs/", "edit/main/"), ("edit/main/docs", "edit/main/"), ("-/edit/trunk/docs/", "-/edit/trunk/"),
    ("edit/main/", "edit/main/"),
])
def test_data_files_are_edited_at_the_repository_root(edit_uri, expected):
    assert repository_edit_uri(edit_uri, "/work/project/docs") == expected


def test_a_local_build_has_no_edit_links(data_copy, monkeypatch):
    monkeypatch.delenv("TRUSTDOCS_REPO_URL", raising=False)
    result, out = data_copy.build_site()
    assert result.returncode == 0, result.stderr
    police = (out / "partners" / "police" / "index.html").read_text(encoding="utf-8")
    assert "/edit/" not in police and "md-content__button" not in police
