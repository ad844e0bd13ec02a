"""The benchmark script works end to end (a small run): every part reports a number.

Speed targets are not asserted here; benchmarks/run.py measures them (docs/benchmarks.md).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_the_benchmark_script_runs_and_reports_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    result = subprocess.run([sys.executable, str(REPO / "benchmarks" / "run.py"), "--quick", "--out", str(out)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text())
    names = [figure["name"] for figure in data["figures"]]
    for part in ("startup", "build:", "extract:", "narrate floor", "narrate (espeak-ng)", "build --audio"):
        assert any(name.startswith(part) for name in names), part
    assert all(figure["value"] > 0 for figure in data["figures"])
    assert data["machine"]["cores"] >= 1 and "benchmark" in result.stdout
