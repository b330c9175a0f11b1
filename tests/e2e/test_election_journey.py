"""A bloc elects its leader: the member units split evenly, the tie goes to a second round between the tied
candidates, the second round elects, the Board confirms and applies the result to the year."""

import pytest

from blocs.enums import MembershipRole
from blocs.membership.queries import current_round, election_rounds
from blocs.models import BlocMembership, Election
from tests.e2e.conftest import login, submit_and_wait
from tests.factories.accounts import TOTPDeviceFactory
from tests.factories.blocs import BlocFactory, BlocMembershipFactory, EmulationYearFactory, enterprise_user

pytestmark = pytest.mark.e2e


def _vote(page, url, choice) -> None:
    """``choice``: a candidate's id, or "none" (the explicit "không đồng ý" to every candidate)."""
    page.goto(url)
    page.check(f"[data-testid=ballot-form] input[name=choice][value='{choice}']")
    submit_and_wait(page, "[data-testid=ballot-form] button[type=submit]")


def test_a_tied_election_goes_to_a_second_round_and_the_winner_is_applied(live_server, world, new_page):
    board = world.a.board
    year = EmulationYearFactory(organization=board, year=2026)
    bloc = BlocFactory(organization=board, code="KTĐ1", name="Khối thi đua các doanh nghiệp KCN Thanh Bình")
    outgoing = BlocMembershipFactory(bloc=bloc, year=year, role=MembershipRole.LEADER).enterprise
    first = BlocMembershipFactory(bloc=bloc, year=year).enterprise
    second = BlocMembershipFactory(bloc=bloc, year=year).enterprise
    voters = {e.pk: enterprise_user(e) for e in (outgoing, first, second)}
    officer = world.a.officer
    device = TOTPDeviceFactory(user=officer)
    pages = {pk: new_page() for pk in voters}
    board_page = new_page()

    login(board_page, live_server, officer.email, totp_device=device)
    board_page.goto(f"{live_server.url}/blocs/blocs/{bloc.pk}/")
    board_page.click(f"a[href$='/blocs/{bloc.pk}/elections/new/']")
    board_page.select_option("select[name=elects_for]", value="2026")
    board_page.fill("input[name=place]", "Hội trường Công ty Cổ phần Ván dán Hồng Ngọc")
    submit_and_wait(board_page)
    election = Election.objects.get(bloc=bloc)
    url = f"{live_server.url}/blocs/elections/{election.pk}/"
    submit_and_wait(board_page, "form[action$='/open/'] button[type=submit]")

    def candidate(enterprise):
        return current_round(election).candidates.get(enterprise=enterprise).pk

    for pk, user in voters.items():
        login(pages[pk], live_server, user.email)
    _vote(pages[outgoing.pk], url, candidate(first))
    _vote(pages[first.pk], url, candidate(second))
    _vote(pages[second.pk], url, "none")
    board_page.goto(url)
    submit_and_wait(board_page, "form[action$='/close/'] button[type=submit]")
    first_round_tie = board_page.inner_text("[data-testid=tie]")
    submit_and_wait(board_page, "[data-testid=next-round-form] button[type=submit]")
    submit_and_wait(board_page, "form[action$='/open/'] button[type=submit]")

    _vote(pages[outgoing.pk], url, candidate(first))
    _vote(pages[first.pk], url, candidate(first))
    _vote(pages[second.pk], url, candidate(second))
    board_page.goto(url)
    submit_and_wait(board_page, "form[action$='/close/'] button[type=submit]")
    elected = board_page.inner_text("[data-testid=elected]")
    submit_and_wait(board_page, "form[action$='/confirm/'] button[type=submit]")
    submit_and_wait(board_page, "form[action$='/apply/'] button[type=submit]")
    applied = board_page.inner_text("[data-testid=election-applied]")
    board_page.goto(f"{live_server.url}/blocs/blocs/{bloc.pk}/")
    bloc_page = board_page.inner_text("main")

    assert first.name in first_round_tie and second.name in first_round_tie
    assert outgoing.name not in first_round_tie
    assert first.name in elected
    assert "2026" in applied
    assert [s.round for s in election_rounds(election)] == [1, 2]
    assert set(election_rounds(election)[1].candidates.values_list("enterprise_id", flat=True)) == {
        first.pk,
        second.pk,
    }
    assert BlocMembership.objects.get(bloc=bloc, year=year, role=MembershipRole.LEADER).enterprise == first
    assert first.name in bloc_page
    assert all(page.console_errors == [] for page in [board_page, *pages.values()])
