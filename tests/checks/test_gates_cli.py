"""`python -m checks --only NAME`: a misspelt gate is an error, never a run of no gate that passes."""

from __future__ import annotations

import pytest

from checks.__main__ import main


def test_an_unknown_gate_name_is_an_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--site", str(tmp_path), "--only", "style"])
    assert stopped.value.code == 2
    assert "invalid choice: 'style'" in capsys.readouterr().err
