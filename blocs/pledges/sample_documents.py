"""``manage.py render_sample pledge out.pdf``: a joint pledge of a bloc with sample members and signatures."""

from datetime import date

from blocs.pledges.catalogue import DEFAULT_COMMITMENTS
from blocs.pledges.documents import (
    DOC_TYPE,
    RECIPIENTS,
    TEMPLATE_NAME,
    IndicatorColumn,
    MemberPledge,
    Signatory,
    joint_context,
    joint_title,
)
from thidua.documents.samples import SampleDocument, register_sample

THEME = "Doanh nghiệp Khu công nghiệp Thanh Bình đoàn kết – dân chủ – đổi mới – phát triển"  # noqa: RUF001 -- the real theme uses en dashes
JOINT_TEXT = (
    "Các doanh nghiệp thành viên Khối thi đua cam kết phấn đấu hoàn thành và vượt mức các chỉ tiêu kinh tế: "
    "sản lượng, doanh thu, kim ngạch xuất khẩu, giải quyết việc làm.\n"
    "Chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước: bảo vệ môi trường, an toàn vệ sinh "
    "lao động, phòng cháy chữa cháy, nội quy lao động, thang bảng lương, xây dựng quan hệ lao động hài hòa."
)


def sample_pledge() -> SampleDocument:
    indicators = [
        IndicatorColumn("GTSX", "Giá trị sản xuất công nghiệp", "tỷ đồng"),
        IndicatorColumn("DT", "Doanh thu", "tỷ đồng"),
        IndicatorColumn("XK", "Kim ngạch xuất khẩu", "triệu USD"),
        IndicatorColumn("NNS", "Nộp ngân sách nhà nước", "tỷ đồng"),
        IndicatorColumn("LD", "Tổng số lao động", "người"),
        IndicatorColumn("TNBQ", "Thu nhập bình quân", "triệu đồng/người/tháng"),
    ]
    names = [
        ("Công ty Cổ phần Ván dán Hồng Ngọc", "4700123451", "Nguyễn Văn Hồng", "Giám đốc"),
        ("Công ty TNHH Lechenwood Việt Nam", "4700123468", "Lê Minh Tuấn", "Tổng Giám đốc"),
        ("Công ty TNHH Chế biến Lâm sản Bắc Kạn", "4700123475", "Trần Thị Mỹ", "Giám đốc"),
    ]
    members = [
        MemberPledge(
            name=name,
            tax_code=tax,
            targets={
                "GTSX": str(120 + 40 * n),
                "DT": str(110 + 35 * n),
                "XK": f"{3 + n},5",
                "NNS": str(4 + n),
                "LD": str(150 + 30 * n),
                "TNBQ": "7,2",
            },
            registrations=["Tập thể lao động xuất sắc"],
        )
        for n, (name, tax, _rep, _title) in enumerate(names)
    ]
    signatories = [
        Signatory(name, rep, title, f"09:{10 + n:02d} 15/03/2026", f"{'a1b2c3d4e5f6'[n:]}{'0' * n}")
        for n, (name, _tax, rep, title) in enumerate(names)
    ]
    return SampleDocument(
        template_name=TEMPLATE_NAME,
        kind="pledge",
        doc_type=DOC_TYPE,
        number=1,
        issued_on=date(2026, 3, 20),
        title=joint_title("Khối thi đua các doanh nghiệp KCN Thanh Bình", 2026),
        context=joint_context(
            bloc_name="Khối thi đua các doanh nghiệp KCN Thanh Bình",
            year=2026,
            theme=THEME,
            joint_text=JOINT_TEXT,
            commitments=DEFAULT_COMMITMENTS[:6],
            indicators=indicators,
            members=members,
            signatories=signatories,
            not_signed=[],
        ),
        signer={
            "prefix": "TM.",
            "authority": "Khối thi đua",
            "title": "Khối trưởng",
            "name": "Nguyễn Văn Hồng",
        },
        recipients=RECIPIENTS,
    )


register_sample("pledge", sample_pledge)
