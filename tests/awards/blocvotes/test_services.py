import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from awards.blocvotes.services import (
    cast_unit_ballot,
    close_bloc_round,
    conclude_bloc_vote,
    create_bloc_vote,
    open_bloc_vote,
    start_bloc_round,
)
from awards.nominations.enums import NominationStatus, ProposedBy
from awards.nominations.models import Nomination
from blocs.enums import MembershipRole
from tests.factories.awards import award_type
from tests.factories.blocs import BlocFactory, BlocMembershipFactory, EmulationYearFactory, enterprise_user

pytestmark = pytest.mark.unit


@pytest.fixture
def bloc_world(world):
    year = EmulationYearFactory(organization=world.a.board, year=2025)
    bloc = BlocFactory(organization=world.a.board, code="KTĐ1")
    members = [BlocMembershipFactory(bloc=bloc, year=year, role=MembershipRole.LEADER).enterprise]
    members += [BlocMembershipFactory(bloc=bloc, year=year).enterprise for _ in range(3)]
    reps = [enterprise_user(enterprise) for enterprise in members]
    return year, bloc, members, reps


def binh_xet(world, year, bloc, candidates):
    return create_bloc_vote(
        bloc=bloc,
        year=year,
        purpose="BINH_XET",
        award_type=award_type("GK_BQL"),
        candidates=candidates,
        achievement="Hoàn thành xuất sắc nhiệm vụ năm 2025",
        created_by=world.a.officer,
    )


def ballots(vote, reps, choices):
    from awards.blocvotes.queries import current_round
    from blocs.voting import queries as voting_queries

    candidates = {c.enterprise_id: c for c in voting_queries.candidates_of(current_round(vote))}
    for rep, chosen in zip(reps, choices, strict=False):
        cast_unit_ballot(vote=vote, cast_by=rep, candidates=[candidates[e.pk] for e in chosen])


def test_binh_xet_proposes_every_member_over_the_threshold(world, bloc_world):
    year, bloc, members, reps = bloc_world
    vote = binh_xet(world, year, bloc, members[1:3])
    open_bloc_vote(vote=vote, opened_by=world.a.officer)
    # 4 member units vote; members[1] gets 3 of 4 (> 50 %), members[2] gets 2 of 4 (not > 50 %)
    ballots(vote, reps, [[members[1], members[2]], [members[1]], [members[1], members[2]], []])
    close_bloc_round(vote=vote, closed_by=world.a.officer)

    nominations = conclude_bloc_vote(vote=vote, concluded_by=world.a.officer)

    assert [(n.enterprise, n.proposed_by, n.status) for n in nominations] == [
        (members[1], ProposedBy.BLOC, NominationStatus.PROPOSED)
    ]


def test_one_ballot_per_unit_cast_by_its_representative(world, bloc_world):
    year, bloc, members, reps = bloc_world
    vote = binh_xet(world, year, bloc, members[1:2])
    open_bloc_vote(vote=vote, opened_by=world.a.officer)
    ballots(vote, reps[:1], [[members[1]]])

    with pytest.raises(ValidationError):
        ballots(vote, reps[:1], [[members[1]]])
    with pytest.raises(PermissionDenied):
        cast_unit_ballot(vote=vote, cast_by=world.a.officer, candidates=[])


def test_suy_ton_needs_an_eligible_bloc_and_goes_only_to_the_flag(world, bloc_world):
    year, bloc, members, _reps = bloc_world
    bloc.eligible_for_provincial_flag = False
    bloc.save()

    with pytest.raises(ValidationError) as not_eligible:
        create_bloc_vote(
            bloc=bloc,
            year=year,
            purpose="SUY_TON",
            award_type=award_type("CO_TINH"),
            candidates=members[:1],
            achievement="Dẫn đầu",
            created_by=world.a.officer,
        )
    with pytest.raises(ValidationError) as wrong_award:
        create_bloc_vote(
            bloc=bloc,
            year=year,
            purpose="SUY_TON",
            award_type=award_type("GK_BQL"),
            candidates=members[:1],
            achievement="Dẫn đầu",
            created_by=world.a.officer,
        )

    assert "not eligible" in not_eligible.value.messages[0]
    assert "award_type" in wrong_award.value.message_dict


def test_a_tie_for_the_flag_goes_to_a_second_round(world, bloc_world):
    year, bloc, members, reps = bloc_world
    vote = create_bloc_vote(
        bloc=bloc,
        year=year,
        purpose="SUY_TON",
        award_type=award_type("CO_TINH"),
        candidates=members[:2],
        achievement="Dẫn đầu phong trào thi đua của Khối năm 2025",
        created_by=world.a.officer,
    )
    open_bloc_vote(vote=vote, opened_by=world.a.officer)
    ballots(vote, reps, [[members[0]], [members[1]], [members[0]], [members[1]]])
    close_bloc_round(vote=vote, closed_by=world.a.officer)

    with pytest.raises(ValidationError):
        conclude_bloc_vote(vote=vote, concluded_by=world.a.officer)
    second = start_bloc_round(vote=vote, created_by=world.a.officer)

    assert second.round == 2
    assert Nomination.objects.count() == 0


def test_a_member_sees_the_vote_and_an_outsider_does_not(world, client_for, bloc_world):
    year, bloc, members, reps = bloc_world
    vote = binh_xet(world, year, bloc, members[1:3])
    outsider = enterprise_user(
        BlocMembershipFactory(bloc=BlocFactory(organization=world.a.board), year=year).enterprise
    )

    statuses = [
        client_for(reps[2]).get(reverse("blocvotes:bloc_vote_detail", args=[vote.pk])).status_code,
        client_for(outsider).get(reverse("blocvotes:bloc_vote_detail", args=[vote.pk])).status_code,
        client_for(reps[2]).post(reverse("blocvotes:bloc_vote_open", args=[vote.pk])).status_code,
    ]

    assert statuses == [200, 404, 403]


def test_a_member_casts_through_the_page(world, client_for, bloc_world):
    year, bloc, members, reps = bloc_world
    vote = binh_xet(world, year, bloc, members[1:3])
    client_for(reps[0]).post(reverse("blocvotes:bloc_vote_open", args=[vote.pk]))  # the leader opens it
    from awards.blocvotes.queries import current_round

    candidate = current_round(vote).candidates.get(enterprise=members[1])

    response = client_for(reps[3]).post(
        reverse("blocvotes:bloc_vote_ballot", args=[vote.pk]), {"chosen": [candidate.pk]}
    )

    assert response.status_code == 302
    assert current_round(vote).ballots.count() == 1
