"""Scenario: one rejected op in a 100-op batch, when the rejected op is a registration and the
clerk then edits that person.

The server refuses the registration (here: an ID number whose check digit is wrong, as a
rule added on the server after the desk was installed would) and accepts the other 99. The
clerk's later edit of the refused person is a valid change on its own. The other stations
must still sync: they get the 99, never a half record of the refused person, and their sync
does not stop at that edit. (The plain 1-in-100 case is
tests/sync/test_sync_server.py::test_one_bad_change_in_a_100_change_batch_is_rejected_with_its_reason.)

Found by the soak's mutation checks (docs/soak.md): the server used to relay the edit and every
other desk's pull failed on it on every attempt, so their sync was stuck for good. A desk now
skips an edit of a record it never received (sync/merge.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace

from sqlmodel import col, func, select

from faults.scenario_support import pending, people
from station_desk.services.context import Desk
from station_desk.services.workers import draft_from_worker, edit_worker, register_worker
from station_desk.store.models import Outbox, Worker
from station_desk.sync.engine import sync_once

BAD_ID = "110105194912310021"  # check digit wrong


def _workers(desk: Desk) -> set[str]:
    with desk.db.read() as session:
        return set(session.exec(select(Worker.id)).all())


def test_an_edit_of_a_refused_registration_does_not_stop_the_other_stations(
    station: Callable[[str], Desk],
) -> None:
    a, b = station("a"), station("b")
    registered = [register_worker(a, draft).worker for draft in people(100, start=9000)]
    refused = registered[41]
    with a.db.write() as session:
        row = session.exec(select(Outbox).where(col(Outbox.record_id) == refused.id)).one()
        fields = json.loads(row.fields)
        fields["id_number"] = BAD_ID
        row.fields = json.dumps(fields, ensure_ascii=False)
        session.add(row)
    edit_worker(a, refused.id, replace(draft_from_worker(refused), phone="13900009999"))
    assert len(pending(a)) == 101

    summary = sync_once(a)
    assert (summary.pushed, summary.rejected, summary.pending) == (100, 1, 0)

    first = sync_once(b)  # must not fail on the edit of a person it never received
    again = sync_once(b)

    assert first.pulled >= 99 and again.pulled == 0
    assert _workers(b) == {w.id for w in registered} - {refused.id}  # no half record
    with b.db.read() as session:
        count = session.exec(select(func.count()).select_from(Worker)).one()
    assert count == 99
    assert refused.id in _workers(a)  # the refusing server takes nothing from station a
