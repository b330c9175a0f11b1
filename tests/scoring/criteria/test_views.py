"""The criteria screens: the Board's list and tree, the leader's draft and adoption, members read, others 404."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from scoring.criteria import services
from scoring.criteria.enums import CriteriaSetStatus
from scoring.criteria.models import CriteriaSet, Criterion
from tests.factories.blocs import MeetingFactory

pytestmark = pytest.mark.unit


def test_the_board_starts_from_the_default_table(qw, world, client_as):
    client = client_as(world.a.officer)

    response = client.post(
        reverse("criteria:criteria_set_create"), {"year": qw.year.pk, "bloc": "", "scale": 100}
    )

    criteria_set = CriteriaSet.objects.get()
    assert response.url == reverse("criteria:criteria_set_detail", args=[criteria_set.pk])
    assert (criteria_set.bloc, criteria_set.created_by) == (None, world.a.officer)


def test_the_detail_page_reads_the_tree_in_constant_queries(qw, world, client_as, django_assert_num_queries):
    criteria_set = services.create_default_set(year=qw.year, bloc=qw.bloc, created_by=world.a.officer)
    MeetingFactory(bloc=qw.bloc, year=qw.year)
    client = client_as(world.a.officer)
    client.get(reverse("criteria:criteria_set_detail", args=[criteria_set.pk]))

    with django_assert_num_queries(12):
        response = client.get(reverse("criteria:criteria_set_detail", args=[criteria_set.pk]))

    assert response.status_code == 200
    assert "A1" in response.content.decode()


def test_the_leader_adds_a_criterion_and_records_the_adoption_at_the_meeting(qw, world, client_as):
    criteria_set = services.create_default_set(year=qw.year, bloc=qw.bloc, created_by=world.a.officer)
    a4 = Criterion.objects.get(group__criteria_set=criteria_set, code="A4")
    meeting = MeetingFactory(bloc=qw.bloc, year=qw.year)
    client = client_as(qw.leader_rep)

    client.post(
        reverse("criteria:criterion_edit", args=[a4.pk]),
        {
            "group": a4.group_id,
            "code": "A4",
            "text": "Đổi mới công nghệ",
            "kind": "NORMAL",
            "max_points": "5",
            "method": "MANUAL",
            "order": 4,
        },
    )
    client.post(
        reverse("criteria:criteria_set_adopt", args=[criteria_set.pk]),
        {"adopted_on": "2026-03-08", "meeting": meeting.pk, "note": ""},
    )

    criteria_set.refresh_from_db()
    assert Criterion.objects.get(pk=a4.pk).text == "Đổi mới công nghệ"
    assert (criteria_set.status, criteria_set.adopted_meeting) == (CriteriaSetStatus.ADOPTED, meeting)


def test_a_wrong_criterion_is_shown_on_the_form_and_changes_nothing(qw, world, client_as):
    criteria_set = services.create_default_set(year=qw.year, created_by=world.a.officer)
    group = criteria_set.groups.get(code="A")
    before = Criterion.objects.count()

    response = client_as(world.a.officer).post(
        reverse("criteria:criterion_add", args=[criteria_set.pk]),
        {
            "group": group.pk,
            "code": "A9",
            "text": "x",
            "kind": "NORMAL",
            "max_points": "5",
            "method": "COMPLETION",
            "bands": "100: 5",
            "order": 9,
        },
    )

    assert response.status_code == 200
    assert "indicator_code" in response.context["form"].errors
    assert Criterion.objects.count() == before


def test_a_member_reads_its_blocs_set_but_may_not_change_it(qw, world, client_as):
    criteria_set = services.create_default_set(year=qw.year, bloc=qw.bloc, created_by=world.a.officer)
    client = client_as(qw.member_rep)

    read = client.get(reverse("criteria:criteria_set_detail", args=[criteria_set.pk]))
    change = client.post(
        reverse("criteria:criteria_set_edit", args=[criteria_set.pk]), {"name": "x", "scale": 100}
    )

    assert (read.status_code, change.status_code) == (200, 403)
    assert "set-adopt" not in read.content.decode()


def test_another_blocs_member_gets_404(qw, world, client_as):
    criteria_set = services.create_default_set(year=qw.year, bloc=qw.bloc, created_by=world.a.officer)

    response = client_as(qw.stranger_rep).get(reverse("criteria:criteria_set_detail", args=[criteria_set.pk]))

    assert response.status_code == 404


def test_the_members_list_shows_its_bloc_and_the_default(qw, world, client_as):
    own = services.create_default_set(year=qw.year, bloc=qw.bloc, created_by=world.a.officer)
    default = services.create_default_set(year=qw.year, created_by=world.a.officer)
    other = services.create_default_set(year=qw.year, bloc=qw.other_bloc, created_by=world.a.officer)

    response = client_as(qw.member_rep).get(reverse("criteria:criteria_set_list"))

    assert {s.pk for s in response.context["page_obj"]} == {own.pk, default.pk}
    assert other.pk not in {s.pk for s in response.context["page_obj"]}


def test_the_board_copies_its_default_to_blocs(qw, world, client_as):
    default = services.create_default_set(year=qw.year, created_by=world.a.officer)

    client_as(world.a.officer).post(
        reverse("criteria:criteria_set_copy", args=[default.pk]), {"blocs": [qw.bloc.pk, qw.other_bloc.pk]}
    )

    assert set(CriteriaSet.objects.filter(source=default).values_list("bloc", flat=True)) == {
        qw.bloc.pk,
        qw.other_bloc.pk,
    }
    assert services.normal_total(CriteriaSet.objects.get(bloc=qw.bloc)) == D(100)


def test_the_leader_may_not_copy_the_boards_default(qw, world, client_as):
    default = services.create_default_set(year=qw.year, created_by=world.a.officer)

    response = client_as(qw.leader_rep).post(
        reverse("criteria:criteria_set_copy", args=[default.pk]), {"blocs": [qw.bloc.pk]}
    )

    assert response.status_code == 403
