"""Demo parks, enterprises, blocs and enterprise users for the two demo Boards (domain.md §10, §16). Idempotent.

Loaded by ``manage.py seed_demo`` through the ``seed_demo`` signal (receiver connected in ``BlocsConfig``).
"""

import datetime
import itertools

from django.db import transaction
from django.utils.translation import gettext as _

from blocs.enums import (
    ApplicationStatus,
    EnterpriseRole,
    MeetingKind,
    MembershipRole,
    Ownership,
    RegulationStatus,
    YearStatus,
)
from blocs.membership.models import (
    Bloc,
    BlocMembership,
    BlocRegulation,
    EmulationYear,
    Meeting,
    MembershipApplication,
)
from blocs.register.models import Enterprise, EnterpriseUser, IndustrialPark
from blocs.validators import with_check_digit
from thidua.accounts.demo import DEMO_PASSWORD, demo_board, ensure_demo_user
from thidua.search import search_key

YEAR = 2026


def tax_code(province: str, n: int) -> str:
    """A valid demo tax code: province prefix, a serial, the computed check digit (skipping impossible serials)."""
    for serial in itertools.count(n * 10):
        code = with_check_digit(f"{province}{serial:07d}")
        if code is not None:
            return code
    raise AssertionError  # pragma: no cover


def _park(board, code, name, province, area=None):
    park, _created = IndustrialPark.objects.get_or_create(
        organization=board, code=code, defaults={"name": name, "province": province, "area_ha": area}
    )
    return park


def _enterprise(
    board,
    park,
    code,
    name,
    *,
    name_en="",
    ownership=Ownership.DOMESTIC,
    sector="",
    rep="",
    title="Giám đốc",
    employees=None,
):
    enterprise, _created = Enterprise.objects.get_or_create(
        organization=board,
        tax_code=code,
        defaults={
            "name": name,
            "name_en": name_en,
            "search_name": search_key(f"{name} {name_en}"),
            "park": park,
            "ownership": ownership,
            "sector": sector,
            "legal_representative": rep,
            "representative_title": title,
            "address": park.name + ", " + park.province,
            "employees": employees,
        },
    )
    return enterprise


def _member(bloc, enterprise, year, role=MembershipRole.MEMBER):
    BlocMembership.objects.get_or_create(
        enterprise=enterprise,
        year=year,
        status="ACTIVE",
        defaults={
            "bloc": bloc,
            "role": role,
            "valid_from": datetime.date(YEAR, 1, 1),
            "valid_to": datetime.date(YEAR, 12, 31),
        },
    )


def _user(board, enterprise, email, full_name, role, label, rows):
    user = ensure_demo_user(email=email, full_name=full_name, organization=board)
    EnterpriseUser.objects.get_or_create(user=user, defaults={"enterprise": enterprise, "role": role})
    rows.append({"email": email, "password": DEMO_PASSWORD, "role": label, "board": board.name})
    return user


def _year(board):
    year, _created = EmulationYear.objects.get_or_create(
        organization=board, year=YEAR, defaults={"status": YearStatus.OPEN}
    )
    return year


def _application(enterprise, year, bloc, user):
    if not MembershipApplication.objects.filter(enterprise=enterprise, year=year).exists():
        MembershipApplication.objects.create(
            enterprise=enterprise,
            year=year,
            preferred_bloc=bloc,
            note="Doanh nghiệp tự nguyện đăng ký tham gia Khối thi đua năm 2026.",
            status=ApplicationStatus.SUBMITTED,
            submitted_by=user,
            submitted_at=datetime.datetime(YEAR, 1, 15, 9, 0, tzinfo=datetime.UTC),
        )


THANH_BINH_OTHERS = [
    ("Công ty TNHH Chế biến Lâm sản Bắc Kạn", "Chế biến gỗ", 120),
    ("Công ty Cổ phần Khoáng sản Thanh Bình", "Khai thác, chế biến khoáng sản", 85),
    ("Công ty TNHH May mặc Chợ Mới", "Dệt may", 310),
    ("Công ty Cổ phần Dược liệu Bắc Kạn", "Chế biến dược liệu", 45),
    ("Công ty TNHH Sản xuất Bao bì Thanh Bình", "Bao bì", 60),
]


def seed_thai_nguyen(rows: list[dict]) -> None:
    board = demo_board("tn")
    park = _park(board, "TB", "KCN Thanh Bình", "Thái Nguyên (trước đây Bắc Kạn)", 150)
    year = _year(board)
    bloc, _created = Bloc.objects.get_or_create(
        organization=board,
        code="KTĐ1",
        defaults={
            "name": "Khối thi đua các doanh nghiệp KCN Thanh Bình",
            "description": "Khối thi đua của các doanh nghiệp đang sản xuất, kinh doanh trong KCN Thanh Bình.",
        },
    )
    hong_ngoc = _enterprise(
        board,
        park,
        tax_code("47", 1),
        "Công ty Cổ phần Ván dán Hồng Ngọc",
        name_en="Hong Ngoc Plywood JSC",
        sector="Sản xuất ván dán",
        rep="Nguyễn Văn Nam",  # the director named in the seeds (seed 000)
        employees=150,
    )
    lechenwood = _enterprise(
        board,
        park,
        tax_code("47", 2),
        "Công ty TNHH Lechenwood Việt Nam",
        name_en="Lechenwood Vietnam Co., Ltd",
        ownership=Ownership.FDI,
        sector="Chế biến gỗ xuất khẩu",
        rep="Lê Minh Tuấn",
        title="Tổng Giám đốc",
        employees=220,
    )
    _member(bloc, hong_ngoc, year, MembershipRole.LEADER)
    _member(bloc, lechenwood, year, MembershipRole.DEPUTY)
    for index, (name, sector, employees) in enumerate(THANH_BINH_OTHERS, start=3):
        _member(
            bloc,
            _enterprise(board, park, tax_code("47", index), name, sector=sector, employees=employees),
            year,
        )
    applicant = _enterprise(
        board,
        park,
        tax_code("47", 20),
        "Công ty TNHH Nông sản Thanh Bình",
        sector="Chế biến nông sản",
        employees=40,
    )
    BlocRegulation.objects.get_or_create(
        bloc=bloc,
        version=1,
        defaults={
            "status": RegulationStatus.CONFIRMED,
            "adopted_on": datetime.date(YEAR, 2, 20),
            "text": "Quy chế hoạt động của Khối thi đua các doanh nghiệp KCN Thanh Bình (thông qua tại hội nghị "
            "phát động ngày 20/02/2026): Khối trưởng luân phiên hằng năm; biểu quyết khi có ít nhất 2/3 thành viên "
            "tham dự, thông qua khi được trên 50% số thành viên tham dự tán thành.",
        },
    )
    if not Meeting.objects.filter(bloc=bloc, year=year, kind=MeetingKind.LAUNCH).exists():
        Meeting.objects.create(
            bloc=bloc,
            year=year,
            kind=MeetingKind.LAUNCH,
            date=datetime.date(YEAR, 3, 8),
            place="Hội trường Công ty Cổ phần Ván dán Hồng Ngọc",
            minutes="Hội nghị phát động phong trào thi đua và ký kết giao ước thi đua năm 2026.",
        )
    _user(
        board,
        hong_ngoc,
        "leader.tn@thidua.demo",
        "Nguyễn Văn Nam",
        EnterpriseRole.REPRESENTATIVE,
        _("Bloc leader (%(name)s)") % {"name": "Hồng Ngọc"},
        rows,
    )
    _user(
        board,
        lechenwood,
        "member.tn@thidua.demo",
        "Lê Minh Tuấn",
        EnterpriseRole.REPRESENTATIVE,
        _("Member representative (%(name)s)") % {"name": "Lechenwood, " + str(_("deputy"))},
        rows,
    )
    user = _user(
        board,
        applicant,
        "applicant.tn@thidua.demo",
        "Hoàng Thị Mai",
        EnterpriseRole.REPRESENTATIVE,
        _("Enterprise without a bloc (pending application)"),
        rows,
    )
    _application(applicant, year, bloc, user)
    # Three more enterprises of the park applied for 2026 (four applications in all, §17.10).
    for index, (name, sector, employees, rep) in enumerate(THANH_BINH_APPLICANTS, start=21):
        enterprise = _enterprise(
            board, park, tax_code("47", index), name, sector=sector, employees=employees, rep=rep
        )
        person = ensure_demo_user(email=f"applicant{index}.tn@thidua.demo", full_name=rep, organization=board)
        EnterpriseUser.objects.get_or_create(
            user=person, defaults={"enterprise": enterprise, "role": EnterpriseRole.REPRESENTATIVE}
        )
        _application(enterprise, year, bloc, person)


THANH_BINH_APPLICANTS = [
    ("Công ty TNHH Cơ khí Chính xác Thanh Bình", "Cơ khí", 70, "Trần Quốc Việt"),
    ("Công ty Cổ phần Vật liệu Xây dựng Bắc Kạn", "Vật liệu xây dựng", 95, "Vũ Thị Hạnh"),
    ("Công ty TNHH Thực phẩm Sạch Chợ Mới", "Chế biến thực phẩm", 55, "Đinh Văn Toàn"),
]


DL_KINDS = [
    "Thủy sản",
    "Chế biến Gỗ",
    "May mặc",
    "Bao bì",
    "Vật liệu Xây dựng",
    "Thực phẩm",
    "Cơ khí",
    "Nhựa",
    "Điện tử",
    "Đồ uống",
    "Dệt",
    "Phân bón",
    "Giấy",
    "Nông sản",
    "Dược phẩm",
    "Thức ăn Chăn nuôi",
]
DL_PLACES = ["Phú Yên", "Tuy Hòa", "Sông Cầu", "Hòa Hiệp", "Đắk Lắk", "Nam Trung Bộ"]
DL_FORMS = ["Công ty TNHH", "Công ty Cổ phần"]


def _dl_names():
    for place, kind, form in itertools.product(DL_PLACES, DL_KINDS, DL_FORMS):
        yield f"{form} {kind} {place}", kind


def seed_dak_lak(rows: list[dict]) -> None:
    board = demo_board("dl")
    parks = [
        _park(board, "HH", "KCN Hòa Hiệp", "Đắk Lắk", 221),
        _park(board, "AP", "KCN An Phú", "Đắk Lắk", 68),
        _park(board, "DBSC", "KCN Đông Bắc Sông Cầu", "Đắk Lắk", 105),
    ]
    year = _year(board)
    blocs = []
    for number, park in enumerate(parks, start=1):
        bloc, _created = Bloc.objects.get_or_create(
            organization=board,
            code=f"KTĐ{number}",
            defaults={"name": f"Khối thi đua số {number} — {park.name}"},
        )
        blocs.append(bloc)
    names = _dl_names()
    sizes = [9, 9, 8]  # 26 members in 3 blocs
    serial = 1
    leaders, members = [], []
    for bloc, park, size in zip(blocs, parks, sizes, strict=True):
        for position in range(size):
            name, kind = next(names)
            ownership = Ownership.FDI if serial % 4 == 0 else Ownership.DOMESTIC
            enterprise = _enterprise(
                board,
                park,
                tax_code("44", serial),
                name,
                sector=kind,
                ownership=ownership,
                employees=50 + 17 * serial,
            )
            role = (
                [MembershipRole.LEADER, MembershipRole.DEPUTY][position]
                if position < 2
                else MembershipRole.MEMBER
            )
            _member(bloc, enterprise, year, role)
            (leaders if position == 0 else members).append(enterprise)
            serial += 1
    # About 40 % of the active enterprises take part: 40 more that are not in any bloc.
    outsiders = []
    for index in range(40):
        name, kind = next(names)
        outsiders.append(
            _enterprise(
                board, parks[index % 3], tax_code("44", serial), name, sector=kind, employees=30 + index
            )
        )
        serial += 1
    _user(
        board,
        leaders[0],
        "leader.dl@thidua.demo",
        "Nguyễn Thanh Sơn",
        EnterpriseRole.REPRESENTATIVE,
        _("Bloc leader (%(name)s)") % {"name": blocs[0].code},
        rows,
    )
    _user(
        board,
        members[1],
        "member.dl@thidua.demo",
        "Trần Thị Thu",
        EnterpriseRole.REPRESENTATIVE,
        _("Member representative (%(name)s)") % {"name": blocs[0].code},
        rows,
    )
    user = _user(
        board,
        outsiders[0],
        "applicant.dl@thidua.demo",
        "Phan Văn Lợi",
        EnterpriseRole.REPRESENTATIVE,
        _("Enterprise without a bloc (pending application)"),
        rows,
    )
    _application(outsiders[0], year, blocs[0], user)


@transaction.atomic
def seed(stdout) -> list[dict]:
    rows: list[dict] = []
    seed_thai_nguyen(rows)
    seed_dak_lak(rows)
    return rows


def seed_history(year_2025: EmulationYear, officer) -> None:
    """Thái Nguyên's 2025, before it closes: Lechenwood led the Thanh Bình bloc, Hồng Ngọc was its deputy;
    at the year-end meeting the member units chose Hồng Ngọc to lead the bloc in 2026 by consensus (as the
    bloc's first meeting chose its leader), the Board confirmed the result and it holds for 2026. Called by
    the quarterly demo, which writes 2025, before it closes the year. Idempotent."""
    # Imported here: the membership's services import the voting engine, loaded once the apps are ready.
    from blocs.membership.queries import current_round  # noqa: PLC0415
    from blocs.membership.services import (  # noqa: PLC0415
        apply_election_result,
        confirm_election,
        create_election,
        record_election_consensus,
    )
    from blocs.voting.enums import Counting, VotingMethod  # noqa: PLC0415
    from blocs.voting.models import Candidate, EligibleVoter  # noqa: PLC0415

    bloc = Bloc.objects.filter(organization=year_2025.organization, code="KTĐ1").first()
    if bloc is None or "Thanh Bình" not in bloc.name or bloc.elections.filter(year=year_2025).exists():
        return
    rows = BlocMembership.objects.filter(bloc=bloc, year=year_2025, status="ACTIVE")
    hong_ngoc = rows.filter(enterprise__name="Công ty Cổ phần Ván dán Hồng Ngọc").first()
    lechenwood = rows.filter(enterprise__name="Công ty TNHH Lechenwood Việt Nam").first()
    if hong_ngoc is None or lechenwood is None:
        return
    rows.exclude(role=MembershipRole.MEMBER).update(role=MembershipRole.MEMBER)
    BlocMembership.objects.filter(pk=lechenwood.pk).update(role=MembershipRole.LEADER)
    BlocMembership.objects.filter(pk=hong_ngoc.pk).update(role=MembershipRole.DEPUTY)
    election = create_election(
        bloc=bloc,
        year=year_2025,
        office="LEADER",
        elects_for=2026,
        created_by=officer,
        method=VotingMethod.CONSENSUS,
        counting=Counting.PAPER,
        place="Hội trường Công ty TNHH Lechenwood Việt Nam",
        chair="Lê Minh Tuấn",
        secretary="Nguyễn Văn Nam",
    )
    session = current_round(election)
    record_election_consensus(
        election=election,
        recorded_by=officer,
        present=list(EligibleVoter.objects.filter(session=session)),
        chosen=Candidate.objects.get(session=session, enterprise_id=hong_ngoc.enterprise_id),
    )
    confirm_election(election=election, confirmed_by=officer)
    apply_election_result(election=election, applied_by=officer)
