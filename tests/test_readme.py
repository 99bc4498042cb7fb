"""The README's `extract` commands run as written (issue 14, item 8): each command of its
"Command line" block that needs no store, in a copy of examples/, with this checkout's onrecord."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from conftest import REPO


def command_line_block() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Command line"):]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block, "README has no sh block under 'Command line'"
    return [line for line in block.group(1).splitlines() if line.strip()]


@pytest.mark.slow  # four CLI runs, each loading the model
def test_readme_extract_commands_run_as_written(tmp_path):
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    launcher = tmp_path / ".venv" / "bin" / "onrecord"  # stands for `make setup`'s script
    launcher.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m onrecord "$@"\n')
    launcher.chmod(0o755)
    commands = command_line_block()
    assert len(commands) == 4 and all("onrecord extract" in c for c in commands)
    env_path = f"PYTHONPATH={REPO / 'src'}"
    outputs = []
    for cmd in commands:
        p = subprocess.run(["bash", "-o", "pipefail", "-c", f"export {env_path}; {cmd}"],
                           cwd=tmp_path, capture_output=True, text=True, timeout=300)
        assert p.returncode == 0, f"{cmd}\n{p.stderr}"
        outputs.append(p.stdout)
    record = json.loads(outputs[0])
    assert record["id"] == "examples/minister-visit.txt" and len(record["quotes"]) >= 5
    assert "Amara Singh — “People should not have to wait" in outputs[1]
    lines = (tmp_path / "out.jsonl").read_text().splitlines()
    assert [json.loads(x)["id"] for x in lines] == ["ferry-1", "bridge-2"]
    piped = json.loads(outputs[3])
    assert piped["id"] == "stdin" and piped["published"] == "2026-03-03"
    assert piped["quotes"] == record["quotes"]
