"""The criteria sets' services: the default table, drafts, adoption, copies, versions and the lock."""

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from scoring.criteria import services
from scoring.criteria.enums import CriteriaSetStatus, CriterionKind, ScoringMethod
from scoring.criteria.models import CriteriaSet, Criterion
from scoring.criteria.queries import criteria_of, set_in_force
from tests.factories.blocs import EmulationYearFactory, MeetingFactory
from thidua.audit.models import AuditEvent

pytestmark = pytest.mark.unit
ADOPTED_ON = datetime.date(2026, 3, 5)


def test_the_default_table_adds_up_to_100_with_capped_bonus(qw, world):
    criteria_set = services.create_default_set(year=qw.year, created_by=world.a.officer)

    criteria = criteria_of(criteria_set)
    assert services.normal_total(criteria_set) == D(100)
    assert {c.kind for c in criteria} == set(CriterionKind.values)
    assert criteria_set.groups.get(code="E").cap == D(10)
    a1 = next(c for c in criteria if c.code == "A1")
    assert (a1.method, a1.indicator_code, a1.bands[0]) == (ScoringMethod.COMPLETION, "GTSX", [100, 10.0])
    assert AuditEvent.objects.filter(action="criteria_set.created").count() == 1


def test_the_1000_point_scale_multiplies_the_points(qw, world):
    criteria_set = services.create_default_set(year=qw.year, created_by=world.a.officer, scale=1000)

    assert services.normal_total(criteria_set) == D(1000)
    assert criteria_set.groups.get(code="E").cap == D(100)
    assert Criterion.objects.get(group__criteria_set=criteria_set, code="F1").per_occurrence == D(10)


def test_adoption_needs_the_meeting_or_the_vote(qw, world):
    criteria_set = services.create_default_set(year=qw.year, bloc=qw.bloc, created_by=qw.leader_rep)

    with pytest.raises(ValidationError) as error:
        services.adopt_set(criteria_set=criteria_set, adopted_on=ADOPTED_ON, adopted_by=qw.leader_rep)

    assert "note" in error.value.message_dict
    assert CriteriaSet.objects.get(pk=criteria_set.pk).status == CriteriaSetStatus.DRAFT


def test_adoption_at_the_blocs_meeting(qw):
    meeting = MeetingFactory(bloc=qw.bloc, year=qw.year)
    criteria_set = services.create_default_set(year=qw.year, bloc=qw.bloc, created_by=qw.leader_rep)

    services.adopt_set(
        criteria_set=criteria_set, adopted_on=ADOPTED_ON, meeting=meeting, adopted_by=qw.leader_rep
    )

    criteria_set.refresh_from_db()
    assert (criteria_set.status, criteria_set.adopted_meeting) == (CriteriaSetStatus.ADOPTED, meeting)
    assert set_in_force(qw.bloc, qw.year) == criteria_set


def test_adoption_refuses_another_blocs_meeting(qw):
    meeting = MeetingFactory(bloc=qw.other_bloc, year=qw.year)
    criteria_set = services.create_default_set(year=qw.year, bloc=qw.bloc, created_by=qw.leader_rep)

    with pytest.raises(ValidationError) as error:
        services.adopt_set(
            criteria_set=criteria_set, adopted_on=ADOPTED_ON, meeting=meeting, adopted_by=qw.leader_rep
        )

    assert "meeting" in error.value.message_dict


def test_adoption_refuses_criteria_that_do_not_add_up_to_the_scale(qw, world):
    criteria_set = services.create_default_set(year=qw.year, created_by=world.a.officer)
    a4 = Criterion.objects.get(group__criteria_set=criteria_set, code="A4")
    services.remove_criterion(criterion=a4, removed_by=world.a.officer)

    with pytest.raises(ValidationError, match="95"):
        services.adopt_set(
            criteria_set=criteria_set, adopted_on=ADOPTED_ON, note="QĐ 12/QĐ-BQL", adopted_by=world.a.officer
        )


def test_an_adopted_set_no_longer_changes(qw, world):
    criteria_set = services.create_default_set(year=qw.year, created_by=world.a.officer)
    services.adopt_set(
        criteria_set=criteria_set, adopted_on=ADOPTED_ON, note="QĐ 12", adopted_by=world.a.officer
    )
    a4 = Criterion.objects.get(group__criteria_set=criteria_set, code="A4")

    with pytest.raises(ValidationError, match="new version"):
        services.remove_criterion(criterion=a4, removed_by=world.a.officer)

    assert Criterion.objects.filter(pk=a4.pk).exists()


def test_the_boards_default_is_in_force_for_a_bloc_without_its_own(qw, world):
    default = services.create_default_set(year=qw.year, created_by=world.a.officer)
    services.adopt_set(criteria_set=default, adopted_on=ADOPTED_ON, note="QĐ 12", adopted_by=world.a.officer)

    assert set_in_force(qw.bloc, qw.year) == default


def test_copy_to_blocs_skips_blocs_with_a_set(qw, world):
    default = services.create_default_set(year=qw.year, created_by=world.a.officer)
    services.create_default_set(year=qw.year, bloc=qw.bloc, created_by=qw.leader_rep)

    copies = services.copy_to_blocs(
        source=default, blocs=[qw.bloc, qw.other_bloc], created_by=world.a.officer
    )

    assert [(c.bloc, c.source, c.status) for c in copies] == [
        (qw.other_bloc, default, CriteriaSetStatus.DRAFT)
    ]
    assert len(criteria_of(copies[0])) == len(criteria_of(default))


def test_a_new_version_for_a_later_year_copies_a_locked_set(qw, world):
    criteria_set = services.create_default_set(year=qw.year, bloc=qw.bloc, created_by=world.a.officer)
    services.adopt_set(
        criteria_set=criteria_set, adopted_on=ADOPTED_ON, note="Biểu quyết", adopted_by=world.a.officer
    )
    services.lock_set(criteria_set=criteria_set, actor=world.a.officer)
    next_year = EmulationYearFactory(organization=qw.board, year=2027)

    copy = services.copy_set(source=criteria_set, bloc=qw.bloc, year=next_year, created_by=world.a.officer)

    assert (copy.year, copy.version, copy.status, copy.name) == (
        next_year,
        1,
        CriteriaSetStatus.DRAFT,
        criteria_set.name.replace("2026", "2027"),
    )
    assert CriteriaSet.objects.get(pk=criteria_set.pk).status == CriteriaSetStatus.LOCKED


def test_lock_needs_an_adopted_set(qw, world):
    criteria_set = services.create_default_set(year=qw.year, created_by=world.a.officer)

    with pytest.raises(ValidationError):
        services.lock_set(criteria_set=criteria_set, actor=world.a.officer)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"kind": "VETO", "method": "MANUAL", "max_points": D(5)}, "max_points"),
        (
            {"kind": "NORMAL", "method": "COMPLETION", "max_points": D(5), "bands": [[100, 5]]},
            "indicator_code",
        ),
        (
            {
                "kind": "NORMAL",
                "method": "COMPLETION",
                "max_points": D(5),
                "indicator_code": "GTSX",
                "bands": [[100, 6]],
            },
            "bands",
        ),
        (
            {"kind": "DEDUCTION", "method": "COUNT", "max_points": D(5), "count_source": "LATE_REPORTS"},
            "per_occurrence",
        ),
        ({"kind": "NORMAL", "method": "COUNT", "max_points": D(5), "count_source": "LATE_REPORTS"}, "method"),
        ({"kind": "NORMAL", "method": "MANUAL", "max_points": D(0)}, "max_points"),
    ],
)
def test_criterion_errors(data, field):
    assert field in services.criterion_errors(data)


def test_save_criterion_refuses_a_duplicate_code(qw, world):
    criteria_set = services.create_default_set(year=qw.year, created_by=world.a.officer)
    group = criteria_set.groups.get(code="A")

    with pytest.raises(ValidationError) as error:
        services.save_criterion(
            group=group,
            data={"code": "b1", "text": "x", "kind": "NORMAL", "max_points": D(1), "method": "MANUAL"},
            saved_by=world.a.officer,
        )

    assert "code" in error.value.message_dict
