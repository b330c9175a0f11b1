"""Demo pledges of the Thanh Bình bloc 2026: an approved template, some members signed, one submitted, one
draft, so that the whole journey can be tried. Idempotent (does nothing once the template exists)."""

import datetime
from decimal import Decimal

from django.utils.translation import gettext as _

from blocs.enums import EnterpriseRole, MembershipStatus
from blocs.membership.models import Bloc, BlocMembership, EmulationYear
from blocs.pledges import services
from blocs.pledges.catalogue import DEFAULT_COMMITMENTS, DEFAULT_TARGET_CODES
from blocs.pledges.documents import JOINT_TEXT, THEME
from blocs.pledges.enums import PledgeStatus
from blocs.pledges.models import Indicator, Pledge, PledgeTemplate
from blocs.register.models import EnterpriseUser
from thidua.accounts.demo import DEMO_PASSWORD, demo_board
from thidua.accounts.models import User

# Yearly target per employee (tỷ đồng, triệu USD), or the figure itself (workers, income in million VND):
# a small or medium industrial enterprise of the park (domain.md §17.10: plausible demo figures).
TARGET_PER_EMPLOYEE = {"GTSX": "0.66", "DT": "0.75", "XK": "0.012", "NNS": "0.03", "VDT": "0.02"}
TARGET_VALUES = {"TNBQ": "8.5"}


def plausible_target(code: str, enterprise) -> Decimal:
    employees = Decimal(enterprise.employees or 80)
    if code == "LD":
        return employees
    if code in TARGET_VALUES:
        return Decimal(TARGET_VALUES[code])
    return (employees * Decimal(TARGET_PER_EMPLOYEE.get(code, "0.05"))).quantize(Decimal("0.01"))


def seed(rows: list[dict]) -> None:
    board = demo_board("tn")
    bloc = Bloc.objects.filter(organization=board, code="KTĐ1").first()
    year = EmulationYear.objects.filter(organization=board, year=2026).first()
    if bloc is None or year is None or PledgeTemplate.objects.filter(bloc=bloc, year=year).exists():
        return
    officer = User.objects.get(email="officer.tn@thidua.demo")
    services.ensure_national_indicators()
    indicators = list(Indicator.objects.filter(organization__isnull=True, code__in=DEFAULT_TARGET_CODES))
    template = services.create_template(
        bloc=bloc,
        year=year,
        created_by=officer,
        theme=THEME,
        joint_text=JOINT_TEXT,
        commitments=DEFAULT_COMMITMENTS,
        indicators=indicators,
        signing_deadline=datetime.date(2026, 3, 31),  # pledges are signed in the first quarter
    )
    services.submit_template(template=template, submitted_by=officer)
    services.approve_template(template=template, approved_by=officer)
    members = list(
        BlocMembership.objects.filter(bloc=bloc, year=year, status=MembershipStatus.ACTIVE)
        .select_related("enterprise")
        .order_by("enterprise__name")
    )
    demo_reps = set(
        EnterpriseUser.objects.filter(
            user__email__in=["leader.tn@thidua.demo", "member.tn@thidua.demo"]
        ).values_list("enterprise_id", flat=True)
    )
    # The demo logins' enterprises stay in draft so the journey can be tried; the others show every step.
    others = [m for m in members if m.enterprise_id not in demo_reps]
    for n, membership in enumerate(others):
        pledge = Pledge.objects.get(template=template, enterprise=membership.enterprise)
        user, _created = User.objects.get_or_create(
            email=f"rep{n + 1}.tn@thidua.demo",
            defaults={
                "full_name": membership.enterprise.legal_representative or f"Đại diện {n + 1}",
                "organization": board,
            },
        )
        if _created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        EnterpriseUser.objects.get_or_create(
            user=user, defaults={"enterprise": membership.enterprise, "role": EnterpriseRole.REPRESENTATIVE}
        )
        targets = [
            services.TargetInput(
                indicator=i, value=plausible_target(i.code, membership.enterprise), basis="PLAN"
            )
            for i in indicators
        ]
        services.update_pledge(
            pledge=pledge,
            updated_by=user,
            targets=targets,
            registrations=[services.RegistrationInput("COLLECTIVE", membership.enterprise.name, "TTLDXS")],
        )
        if n == len(others) - 1:
            continue  # one left in draft
        services.submit_pledge(pledge=pledge, submitted_by=user)
        if n == len(others) - 2:
            continue  # one submitted, waiting for the leader
        services.accept_pledge(pledge=pledge, accepted_by=officer)
        services.sign_pledge(
            pledge=pledge, user=user, password=DEMO_PASSWORD, title="Giám đốc", ip="127.0.0.1"
        )
    signed = Pledge.objects.filter(template=template, status=PledgeStatus.SIGNED).count()
    rows.append(
        {
            "email": "rep1.tn@thidua.demo",
            "password": DEMO_PASSWORD,
            "role": _("Member representative (%(count)s signed)") % {"count": signed},
            "board": board.name,
        }
    )
