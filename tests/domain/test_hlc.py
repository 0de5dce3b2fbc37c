from station_desk.domain.hlc import Hlc, receive, tick


def test_tick_moves_forward_even_when_the_wall_clock_goes_back() -> None:
    first = tick(None, 1_000, "a")
    second = tick(first, 900, "a")  # clock set back
    third = tick(second, 900, "a")
    assert first < second < third
    assert second.wall_ms == 1_000 and second.counter == 1


def test_encoded_stamps_sort_like_the_clock() -> None:
    stamps = [tick(None, 5, "b"), Hlc(5, 2, "a"), Hlc(12, 0, "a"), Hlc(1_700_000_000_000, 7, "z")]
    assert sorted(s.encode() for s in stamps) == [s.encode() for s in sorted(stamps)]
    for stamp in stamps:
        assert Hlc.decode(stamp.encode()) == stamp


def test_station_ids_with_dashes_round_trip() -> None:
    stamp = Hlc(42, 3, "6f1c2d9e-0b7a-4f7e-9c1e-2a3b4c5d6e7f")
    assert Hlc.decode(stamp.encode()) == stamp


def test_receive_jumps_past_a_remote_clock_ahead_of_ours() -> None:
    local = tick(None, 1_000, "a")
    remote = Hlc(5_000, 4, "server")
    after = receive(local, remote, 1_001, "a")
    assert after > remote and after.station == "a"
    assert tick(after, 1_002, "a") > after


def test_a_full_counter_moves_the_clock_on_and_keeps_the_text_order() -> None:
    from station_desk.domain.hlc import MAX_COUNTER

    full = Hlc(1_000, MAX_COUNTER, "a")
    after = tick(full, 1_000, "a")  # frozen clock
    assert after == Hlc(1_001, 0, "a")
    assert full.encode() < after.encode()
