import pytest

pytestmark = pytest.mark.unit


def test_home_for_verified_officer_shows_board_name(world, client_for):
    response = client_for(world.a.officer).get("/")

    assert response.status_code == 200
    assert world.a.board.name in response.content.decode()
