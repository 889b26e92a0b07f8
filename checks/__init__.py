"""Quality gates run against a built site: links, style, HTML validity, accessibility.

Each gate module exposes ``run(site_dir, base_url) -> list[Finding]``. A gate
whose tool cannot run raises :class:`GateUnavailable`; that is always a
failure, never a silent pass.
"""
