import json
import subprocess
import sys

from conftest import REPO


def test_extract_jsonl_keeps_order_and_reports_failures(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": 'The mayor said the bridge would reopen.'}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "c", "text": ""}) + "\n",
        encoding="utf-8")
    cp = subprocess.run([sys.executable, "-m", "onrecord", "extract", str(src)],
                        capture_output=True, text=True, cwd=REPO)
    lines = [json.loads(l) for l in cp.stdout.splitlines()]
    assert [l.get("id") for l in lines][0] == "a"
    assert len(lines) == 3
    assert "error" in lines[1] and "error" in lines[2]
    assert cp.returncode == 1
