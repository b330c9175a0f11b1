"""Fill the database named by DATABASE_URL with a national-size data set (issue 4).

34 Boards, 450 parks, 15,000 enterprises, 1,500 blocs, 5 emulation years and about 67,000 memberships,
with bulk inserts in batches of 2,000. Deterministic (fixed seed). Refuses to run twice unless ``--reset``,
which first deletes the rows of the generated Boards.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua_bench .venv/bin/python bench/generate.py [--reset]
"""

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
os.environ.setdefault("DEBUG", "1")  # only to allow the dev SECRET_KEY fallback for this script

import django

django.setup()

from django.db import transaction  # noqa: E402

from blocs.enums import MembershipRole, Ownership, YearStatus  # noqa: E402
from blocs.models import Bloc, BlocMembership, EmulationYear, Enterprise, IndustrialPark  # noqa: E402
from blocs.validators import with_check_digit  # noqa: E402
from thidua.accounts.models import Organization  # noqa: E402

BATCH = 2000
BOARDS, PARKS, ENTERPRISES, BLOCS = 34, 450, 15_000, 1_500
YEARS = (2022, 2023, 2024, 2025, 2026)
ENROLMENT = 0.9
MARK = " (bench)"
PROVINCES = [
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
    "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên",
    "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
    "Đắk Lắk", "Thành phố Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp",
    "Cà Mau", "An Giang",
]  # fmt: skip
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
WORDS = ["Hồng Ngọc", "Thành Đạt", "Phú Mỹ", "Việt Hưng", "Minh Phát", "Đông Á", "Sao Mai", "Hòa Bình",
         "Tân Tiến", "Lechenwood", "Hanwha", "Samsung", "Foxconn", "Ánh Dương", "Trường Sơn", "Kim Long"]  # fmt: skip
SECTORS = ["Chế biến gỗ", "Điện tử", "Dệt may", "Cơ khí", "Thực phẩm", "Vật liệu xây dựng", "Logistics"]
FORMS = ["Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV"]


def spread(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def bench_boards():
    return Organization.objects.filter(name__endswith=MARK)


def reset() -> None:
    boards = bench_boards()
    BlocMembership.objects.filter(bloc__organization__in=boards).delete()
    EmulationYear.objects.filter(organization__in=boards).delete()
    Bloc.objects.filter(organization__in=boards).delete()
    Enterprise.objects.filter(organization__in=boards).delete()
    IndustrialPark.objects.filter(organization__in=boards).delete()
    from thidua.accounts.models import User

    User.objects.filter(organization__in=boards).delete()
    boards.delete()


def generate(rng: random.Random) -> dict[str, int]:
    boards = Organization.objects.bulk_create(
        Organization(
            name=f"Ban Quản lý các KCN {province}{MARK}",
            parent_body_line=f"ỦY BAN NHÂN DÂN {province.upper()}",
            issuing_body_line="BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP",
            short_code="BQL",
            place_name=province,
        )
        for province in PROVINCES[:BOARDS]
    )
    parks = []
    for board, count in zip(boards, spread(PARKS, BOARDS), strict=True):
        parks += [
            IndustrialPark(
                organization=board,
                code=f"KCN{i + 1:02d}",
                name=f"KCN {rng.choice(WORDS)} {i + 1}",
                province=board.place_name,
            )
            for i in range(count)
        ]
    parks = IndustrialPark.objects.bulk_create(parks, batch_size=BATCH)
    parks_of: dict[int, list[IndustrialPark]] = {}
    for park in parks:
        parks_of.setdefault(park.organization_id, []).append(park)

    enterprises = []
    for b, (board, count) in enumerate(zip(boards, spread(ENTERPRISES, BOARDS), strict=True)):
        serial = 0
        for i in range(count):
            code = None
            while code is None:
                serial += 1
                code = with_check_digit(f"{b + 10:02d}{serial:07d}")
            name = f"{rng.choice(FORMS)} {rng.choice(WORDS)} {rng.choice(SECTORS)} {i + 1}"
            e = Enterprise(
                organization=board,
                tax_code=code,
                name=name,
                name_en="",
                park=rng.choice(parks_of[board.pk]),
                ownership=Ownership.FDI if rng.random() < 0.3 else Ownership.DOMESTIC,
                sector=rng.choice(SECTORS),
                legal_representative=f"{rng.choice(SURNAMES)} Văn {rng.choice(['An', 'Bình', 'Cường', 'Dũng'])}",
                representative_title="Giám đốc",
                address=f"KCN, {board.place_name}",
                phone=f"0{rng.randint(200, 299)} {rng.randint(1000000, 9999999)}",
                employees=rng.randint(20, 5000),
                active=rng.random() < 0.95,
            )
            e.search_name = e.compute_search_name()
            enterprises.append(e)
    enterprises = Enterprise.objects.bulk_create(enterprises, batch_size=BATCH)

    blocs = []
    for board, count in zip(boards, spread(BLOCS, BOARDS), strict=True):
        blocs += [
            Bloc(organization=board, code=f"KTĐ{i + 1}", name=f"Khối thi đua số {i + 1} {board.place_name}")
            for i in range(count)
        ]
    blocs = Bloc.objects.bulk_create(blocs, batch_size=BATCH)
    blocs_of: dict[int, list[Bloc]] = {}
    for bloc in blocs:
        blocs_of.setdefault(bloc.organization_id, []).append(bloc)

    years = EmulationYear.objects.bulk_create(
        EmulationYear(
            organization=board, year=y, status=YearStatus.OPEN if y == YEARS[-1] else YearStatus.CLOSED
        )
        for board in boards
        for y in YEARS
    )
    year_of = {(y.organization_id, y.year): y for y in years}

    memberships, count = [], 0
    for y in YEARS:
        taken: dict[int, int] = {}
        for e in enterprises:
            if not e.active or rng.random() > ENROLMENT:
                continue
            bloc = rng.choice(blocs_of[e.organization_id])
            rank = taken.get(bloc.pk, 0)
            taken[bloc.pk] = rank + 1
            role = (
                MembershipRole.LEADER
                if rank == 0
                else MembershipRole.DEPUTY
                if rank == 1
                else MembershipRole.MEMBER
            )
            memberships.append(
                BlocMembership(
                    bloc=bloc,
                    enterprise=e,
                    year=year_of[(e.organization_id, y)],
                    role=role,
                    valid_from=datetime.date(y, 1, 1),
                    valid_to=datetime.date(y, 12, 31),
                )
            )
            if len(memberships) >= BATCH:
                BlocMembership.objects.bulk_create(memberships)
                count += len(memberships)
                memberships = []
    BlocMembership.objects.bulk_create(memberships)
    count += len(memberships)
    return {"boards": len(boards), "parks": len(parks), "enterprises": len(enterprises), "blocs": len(blocs),
            "years": len(years), "memberships": count}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reset", action="store_true", help="delete the generated Boards' rows first")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    if bench_boards().exists():
        if not args.reset:
            print("The bench data set is already there; run with --reset to rebuild it.", file=sys.stderr)
            return 1
        started = time.monotonic()
        reset()
        print(f"reset in {time.monotonic() - started:.1f} s")
    started = time.monotonic()
    with transaction.atomic():
        counts = generate(random.Random(args.seed))
    print(", ".join(f"{v:,} {k}" for k, v in counts.items()) + f" in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
