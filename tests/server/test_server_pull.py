"""Pull: own changes left out, paging, no skipped rows; same person at two stations merged."""

from __future__ import annotations

import threading
from pathlib import Path

from server_helpers import new_id_number, worker_fields

from server_process import run_server
from station_desk.sync.protocol import MAX_PULL_PAGE, MERGE_KIND, PULL_PAGE_SIZE


def test_pull_leaves_out_the_stations_own_changes(make_station) -> None:
    a, b = make_station(), make_station()
    start_a, start_b = a.drain(), b.drain()
    mine = a.change("employer", name="甲的单位")
    theirs = b.change("employer", name="乙的单位")
    a.push([mine])
    b.push([theirs])
    page_a = a.pull(start_a)
    assert [c["record_id"] for c in page_a["changes"]] == [theirs["record_id"]]
    assert page_a["has_more"] is False
    page_b = b.pull(start_b)
    assert [c["record_id"] for c in page_b["changes"]] == [mine["record_id"]]
    # the cursor moves past own changes too, so they are not examined again
    assert page_a["next_after"] == page_b["next_after"] == page_b["changes"][0]["seq"] + 1
    again = a.pull(page_a["next_after"])
    assert again["changes"] == [] and again["next_after"] == page_a["next_after"]


def test_pages_of_500_and_a_change_pushed_between_pages_is_not_skipped(make_station) -> None:
    a, b = make_station(), make_station()
    cursor = b.drain()
    total = 1100
    for start in range(0, total, 550):
        batch = [a.change("employer", name=f"单位{i}") for i in range(start, start + 550)]
        assert len(a.push(batch).json()["accepted"]) == 550
    seen: list[dict] = []
    page = b.pull(cursor)  # the default page size
    assert len(page["changes"]) == PULL_PAGE_SIZE and page["has_more"] is True
    assert page["next_after"] == page["changes"][-1]["seq"]
    seen += page["changes"]
    late = a.change("employer", name="翻页时新来的")
    a.push([late])
    after = page["next_after"]
    while True:
        page = b.pull(after)
        seen += page["changes"]
        after = page["next_after"]
        if not page["has_more"]:
            break
    assert len(seen) == total + 1
    assert seen[-1]["record_id"] == late["record_id"]
    seqs = [c["seq"] for c in seen]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    big = b.pull(0, limit=10_000)  # capped at MAX_PULL_PAGE
    assert len(big["changes"]) == MAX_PULL_PAGE if big["has_more"] else len(big["changes"]) <= 2000
    assert len(b.pull(0, limit=3)["changes"]) == 3


def test_same_id_number_at_two_stations_is_merged(make_station) -> None:
    a, b, c = make_station(), make_station(), make_station()
    start = {s.station_id: s.drain() for s in (a, b, c)}
    number = new_id_number()
    first = a.change("worker", **worker_fields(number, name="李四"))
    a.push([first])
    second = b.change("worker", **worker_fields(number, name="李四", phone="13900001111"))
    body = b.push([second]).json()
    assert body["accepted"] == [second["op_id"]]
    older, newer = first["record_id"], second["record_id"]

    def merges(station) -> list[dict]:
        page = station.pull(start[station.station_id])
        return [ch for ch in page["changes"] if ch["kind"] == MERGE_KIND]

    for station in (a, b, c):
        found = merges(station)
        assert len(found) == 1, station.station_id
        assert found[0]["fields"] == {"from_id": newer, "into_id": older}
        assert found[0]["record_id"] == older and found[0]["station_id"] == "server"
    stream = c.pull(start[c.station_id])["changes"]
    kinds = [(ch["kind"], ch["record_id"]) for ch in stream]
    assert kinds == [("worker", older), ("worker", newer), (MERGE_KIND, older)]

    # b has not pulled yet and edits its copy: the server files it under the survivor
    edit = b.change("worker", newer, note="会开叉车")
    assert b.push([edit]).json()["accepted"] == [edit["op_id"]]
    tail = a.pull(stream[-1]["seq"])["changes"]
    assert [(ch["record_id"], ch["fields"]) for ch in tail] == [(older, {"note": "会开叉车"})]

    # a third registration of the same person merges into the same survivor
    third = c.change("worker", **worker_fields(number.lower(), name="李四"))
    c.push([third])
    found = [ch for ch in a.pull(tail[-1]["seq"])["changes"] if ch["kind"] == MERGE_KIND]
    assert [ch["fields"] for ch in found] == [{"from_id": third["record_id"], "into_id": older}]


def test_no_merge_with_a_deleted_worker_or_after_the_number_changed(make_station) -> None:
    a, b = make_station(), make_station()
    cursor = b.drain()
    number, other = new_id_number(), new_id_number()
    gone = a.change("worker", **worker_fields(number))
    moved = a.change("worker", **worker_fields(other))
    a.push([gone, a.change("worker", gone["record_id"], deleted=True)])
    a.push([moved, a.change("worker", moved["record_id"], id_number=new_id_number())])
    b.push(
        [b.change("worker", **worker_fields(number)), b.change("worker", **worker_fields(other))]
    )
    assert [ch for ch in b.pull(cursor)["changes"] if ch["kind"] == MERGE_KIND] == []


def test_merge_picks_the_worker_first_seen_even_when_its_number_came_later(make_station) -> None:
    a, b = make_station(), make_station()
    cursor = b.drain()
    number = new_id_number()
    early = a.change("worker", **worker_fields(new_id_number()))
    a.push([early])
    late = b.change("worker", **worker_fields(number))
    b.push([late])
    fix = a.change("worker", early["record_id"], id_number=number)  # typo corrected at a
    a.push([fix])
    found = [ch for ch in b.pull(cursor)["changes"] if ch["kind"] == MERGE_KIND]
    assert [ch["fields"] for ch in found] == [
        {"from_id": late["record_id"], "into_id": early["record_id"]}
    ]


def test_pulling_while_stations_push_at_once_misses_nothing(
    make_station, db_url: str, tmp_path: Path
) -> None:
    """Four stations push at once through three server processes on one database: the
    session's server and a second started with two workers (serve --workers 2)."""
    with run_server(db_url, tmp_path, workers=2) as second_server:
        pushers = [make_station() for _ in range(4)]
        for station in pushers[::2]:
            station.base_url = second_server
        _push_and_pull_at_once(pushers, make_station())


def _push_and_pull_at_once(pushers: list, reader) -> None:
    cursor = reader.drain()
    sent: set[str] = set()
    lock = threading.Lock()

    def push_some(station) -> None:
        for round_ in range(5):
            batch = [station.change("employer", name=f"并发{round_}-{i}") for i in range(40)]
            accepted = station.push(batch).json()["accepted"]
            assert len(accepted) == 40
            with lock:
                sent.update(c["record_id"] for c in batch)

    threads = [threading.Thread(target=push_some, args=(s,)) for s in pushers]
    for thread in threads:
        thread.start()
    seen: list[int] = []
    got: set[str] = set()

    def read_page(limit: int) -> bool:
        nonlocal cursor
        page = reader.pull(cursor, limit=limit)
        seen.extend(c["seq"] for c in page["changes"])
        got.update(c["record_id"] for c in page["changes"])
        cursor = page["next_after"]
        return bool(page["has_more"])

    while any(t.is_alive() for t in threads):
        read_page(50)
    for thread in threads:
        thread.join()
    while read_page(500):
        pass
    assert got == sent and len(sent) == 4 * 5 * 40
    assert seen == sorted(seen) and len(seen) == len(set(seen))
