"""Back and Forward as in a browser, without Qt."""

from reader.history import History, Place


def test_back_and_forward_retrace_the_jumps():
    history = History()
    assert not history.can_go_back and history.back(Place(1, 0)) is None
    history.jumped_from(Place(1, 100))  # from article 1 to a contents entry in it
    history.jumped_from(Place(1, 900))  # then to article 2
    assert history.back(Place(2, 40)) == Place(1, 900)
    assert history.back(Place(1, 900)) == Place(1, 100)
    assert not history.can_go_back
    assert history.forward(Place(1, 120)) == Place(1, 900)
    assert history.forward(Place(1, 900)) == Place(2, 40)
    assert not history.can_go_forward
    assert history.back(Place(2, 60)) == Place(1, 900)


def test_a_new_jump_drops_the_way_forward_and_the_same_place_is_kept_once():
    history = History()
    history.jumped_from(Place(1, 0))
    history.jumped_from(Place(2, 5))
    assert history.back(Place(3, 0)) == Place(2, 5)
    history.jumped_from(Place(2, 5))
    history.jumped_from(Place(2, 5))
    assert not history.can_go_forward
    assert history.back(Place(4, 0)) == Place(2, 5)
    assert history.back(Place(2, 5)) == Place(1, 0)


def test_only_the_latest_places_are_kept():
    history = History(limit=3)
    for offset in range(10):
        history.jumped_from(Place(1, offset))
    assert [history.back(Place(1, 99)).offset for _ in range(3)] == [9, 8, 7]
    assert not history.can_go_back
