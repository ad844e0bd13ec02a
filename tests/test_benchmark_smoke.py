"""The benchmark script works end to end (a small run): every figure stands beside a floor
measured in the same run, with its command, CPU and wall time and their spread.

Speed targets are not asserted here; benchmarks/run.py measures them (docs/benchmarks.md).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_the_benchmark_script_runs_and_reports_every_figure_beside_its_floor(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--quick", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text())
    groups = {figure["group"] for figure in data["figures"]}
    assert {"startup", "build", "extract"} <= groups
    names = " ".join(figure["name"] for figure in data["figures"])
    for part in (
        "start-up: `extract`",
        "build from nothing",
        "rebuild after editing the deck file",
        "build with nothing changed",
        "extract 0.2 MB",
        "match 2,000 reworded notes",
    ):
        assert part in names, part
    for figure in data["figures"]:
        ours, floor = figure["ours"], figure["floor"]
        assert ours["command"] != floor["command"] and "seedcards" in ours["command"]
        assert "seedcards " not in floor["command"]  # a floor runs outside seedcards
        for side in (ours, floor):
            assert 0 < side["wall"]["min"] <= side["wall"]["median"] <= side["wall"]["max"]
            assert side["cpu"]["median"] > 0
        assert figure["ratio"] > 0
    assert "narrate" in data and ("result" in data["narrate"] or data["narrate"]["note"])
    assert data["machine"]["cores"] >= 1 and "benchmark results written" in result.stdout
