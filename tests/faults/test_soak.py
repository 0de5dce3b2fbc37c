"""A short run of the randomized convergence soak (`./dev soak`, docs/soak.md), and proof that
it catches a desk that loses a change.

12 runs: under a minute on a 2-core machine (about 4 s a run when the machine is busy); the
1,000-run soak is run by hand (docs/soak.md).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import soak

from station_desk.sync.client import DistrictClient

CI_RUNS, CI_SEED = 8, 20261126
SOAK = Path(__file__).with_name("soak.py")


def test_a_short_soak_converges_through_faults_and_kills() -> None:
    done = subprocess.run(
        [sys.executable, str(SOAK), "--runs", str(CI_RUNS), "--seed", str(CI_SEED)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert (summary["runs"], summary["failures"]) == (CI_RUNS, 0)
    # the faults and kills really happened: drops before and after the server committed,
    # 5xx, truncated and delayed replies, kill -9 of desks mid-push and mid-pull
    assert {"reset", "lost_reply", "status", "delay"} <= set(summary["faults"])
    assert {"desk held push", "desk held pull"} <= set(summary["kills"])
    assert summary["actions"] > 20 * CI_RUNS


def test_a_desk_that_loses_a_change_fails_the_soak_with_its_seed_and_history(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    real_push = DistrictClient.push

    def push_losing_an_edit(self: DistrictClient, changes):  # type: ignore[no-untyped-def]
        """Sends all but the first edit in the batch, and says that one went too."""
        edits = [c for c in changes if "origin_station" not in c.fields]
        if not edits:
            return real_push(self, changes)
        reply = real_push(self, [c for c in changes if c is not edits[0]])
        reply.accepted.append(edits[0].op_id)
        return reply

    monkeypatch.setattr(DistrictClient, "push", push_losing_an_edit)
    # As against a server without the push queue: every batch goes through push().
    monkeypatch.setattr(DistrictClient, "post_batch", lambda self, changes: None)

    stats = soak.soak(1, CI_SEED, root=tmp_path)

    out = capsys.readouterr().out
    assert (stats.runs, stats.failures, stats.failed_seeds) == (1, 1, [CI_SEED])
    assert f"./dev soak --runs 1 --seed {CI_SEED}" in out
    assert "  problem: " in out  # what diverged is named
    assert "history" in out and "sync" in out
