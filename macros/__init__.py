"""mkdocs-macros adapter (placeholder while the foundation lands)."""


def define_env(env):  # noqa: D103
    pass
