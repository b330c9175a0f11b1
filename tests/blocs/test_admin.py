"""The blocs admin: a superuser inspects every model; nothing can be added, changed or deleted there."""

import pytest
from django.contrib import admin
from django.urls import reverse

from blocs.membership.services.delegations import name_delegate
from blocs.membership.services.elections import create_election
from blocs.models import BlocMembership, BlocRegulation, ConsolidationDecision, Meeting
from tests.factories.accounts import UserFactory
from tests.factories.blocs import (
    BlocRegulationFactory,
    ConsolidationDecisionFactory,
    MeetingFactory,
    MembershipApplicationFactory,
    enterprise_user,
)
from thidua.admin import ReadOnlyAdmin

pytestmark = pytest.mark.unit

MODELS = [
    "industrialpark",
    "enterprise",
    "enterpriseuser",
    "emulationyear",
    "bloc",
    "blocmembership",
    "membershipapplication",
    "consolidationdecision",
    "blocregulation",
    "meeting",
    "votingsession",
    "election",
    "delegation",
]


@pytest.fixture
def superuser(world):
    return UserFactory(organization=world.a.board, is_staff=True, is_superuser=True)


@pytest.fixture
def records(world, blocs_world):
    BlocRegulationFactory(bloc=blocs_world.bloc, file="blocs/regulations/x.pdf")
    MeetingFactory(bloc=blocs_world.bloc, year=blocs_world.year)
    MembershipApplicationFactory(enterprise=blocs_world.member_enterprise, year=blocs_world.year)
    ConsolidationDecisionFactory(organization=world.a.board, year=blocs_world.year)
    create_election(
        bloc=blocs_world.bloc, year=blocs_world.year, office="LEADER", elects_for=2027, created_by=None
    )
    name_delegate(
        enterprise=blocs_world.member_enterprise,
        delegate=enterprise_user(blocs_world.member_enterprise, role="REPORTER"),
        named_by=blocs_world.member,
    )
    return blocs_world


@pytest.mark.parametrize("model", MODELS)
def test_changelist_and_search(superuser, records, client_for, model):
    client = client_for(superuser)
    url = reverse(f"admin:blocs_{model}_changelist")

    plain = client.get(url)
    searched = client.get(url, {"q": "0"})

    assert (plain.status_code, searched.status_code) == (200, 200)
    assert plain.context["cl"].result_count >= 1


@pytest.mark.parametrize(
    "model_class", [BlocMembership, ConsolidationDecision, BlocRegulation, Meeting], ids=lambda m: m.__name__
)
def test_official_records_are_view_only(superuser, records, client_for, model_class):
    client = client_for(superuser)
    obj = model_class.objects.first()
    name = model_class._meta.model_name

    view = client.get(reverse(f"admin:blocs_{name}_change", args=[obj.pk]))
    add = client.get(reverse(f"admin:blocs_{name}_add"))
    delete = client.post(reverse(f"admin:blocs_{name}_delete", args=[obj.pk]), {"post": "yes"})

    assert (view.status_code, add.status_code, delete.status_code) == (200, 403, 403)
    assert view.context["has_change_permission"] is False
    assert model_class.objects.filter(pk=obj.pk).exists()


def test_enterprises_filter_by_board(world, superuser, records, client_for):
    response = client_for(superuser).get(
        reverse("admin:blocs_enterprise_changelist"), {"organization__id__exact": world.b.board.pk}
    )

    assert [e.organization_id for e in response.context["cl"].result_list] == [world.b.board.pk]


def test_every_blocs_model_admin_is_read_only():
    registered = {
        model._meta.model_name: model_admin
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label == "blocs" and model._meta.model_name in MODELS
    }

    assert sorted(registered) == sorted(MODELS)
    assert all(isinstance(model_admin, ReadOnlyAdmin) for model_admin in registered.values())


def test_board_staff_without_superuser_cannot_open_the_admin(world, client_for):
    response = client_for(world.a.admin).get(reverse("admin:blocs_enterprise_changelist"))

    assert response.status_code == 302
