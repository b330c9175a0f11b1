"""The default 100-point table for industrial-park enterprises (domain.md §6.3, a proposal; weights are
suggestions the Board and the blocs change). Pure data: ``services.create_default_set`` seeds it."""

# group: (code, name, cap or None, [criteria])
# criterion: (code, text, kind, max, method, extra fields)
A1_BANDS = [[100, 10], [90, 8], [80, 6], [0, 3]]
A2_BANDS = [[100, 5], [90, 4], [80, 3], [0, 1]]

DEFAULT_TABLE: list[tuple[str, str, str | None, list[tuple[str, str, str, str, str, dict]]]] = [
    (
        "A",
        "Sản xuất kinh doanh và nghĩa vụ với Nhà nước",
        None,
        [
            (
                "A1",
                "Tỷ lệ hoàn thành chỉ tiêu giá trị sản xuất/doanh thu đã đăng ký",
                "NORMAL",
                "10",
                "COMPLETION",
                {"indicator_code": "GTSX", "bands": A1_BANDS},
            ),
            (
                "A2",
                "Kim ngạch xuất khẩu so với đăng ký",
                "NORMAL",
                "5",
                "COMPLETION",
                {"indicator_code": "XK", "bands": A2_BANDS},
            ),
            (
                "A3",
                "Nộp ngân sách đầy đủ, đúng hạn, không nợ đọng",
                "NORMAL",
                "10",
                "MANUAL",
                {"evidence_required": True},
            ),
            ("A4", "Đầu tư mở rộng, đổi mới công nghệ, sáng kiến", "NORMAL", "5", "MANUAL", {}),
            ("A5", "Thực hiện chế độ báo cáo định kỳ với Ban Quản lý đúng hạn", "NORMAL", "5", "MANUAL", {}),
        ],
    ),
    (
        "B",
        "Người lao động",
        None,
        [
            (
                "B1",
                "Việc làm ổn định, thu nhập bình quân tăng, trả lương đúng hạn",
                "NORMAL",
                "8",
                "MANUAL",
                {},
            ),
            (
                "B2",
                "Đóng BHXH, BHYT, BHTN đầy đủ, không nợ",
                "NORMAL",
                "8",
                "MANUAL",
                {"evidence_required": True},
            ),
            ("B3", "An toàn, vệ sinh lao động; phòng cháy, chữa cháy", "NORMAL", "7", "MANUAL", {}),
            (
                "B4",
                "Quan hệ lao động hài hòa (thỏa ước, đối thoại, không đình công)",
                "NORMAL",
                "7",
                "MANUAL",
                {},
            ),
        ],
    ),
    (
        "C",
        "Môi trường và pháp luật",
        None,
        [
            (
                "C1",
                "Bảo vệ môi trường (nước thải, chất thải, báo cáo môi trường)",
                "NORMAL",
                "10",
                "MANUAL",
                {"evidence_required": True},
            ),
            (
                "C2",
                "Chấp hành pháp luật về đầu tư, đất đai, xây dựng, an ninh trật tự",
                "NORMAL",
                "5",
                "MANUAL",
                {},
            ),
        ],
    ),
    (
        "D",
        "Đoàn thể, văn hóa – xã hội, phong trào",  # noqa: RUF001 -- the table's en dash
        None,
        [
            (
                "D1",
                "Tạo điều kiện cho tổ chức Đảng, Công đoàn, Đoàn Thanh niên; đóng kinh phí công đoàn",
                "NORMAL",
                "5",
                "MANUAL",
                {},
            ),
            (
                "D2",
                "Tham gia hoạt động chung của Khối (họp, báo cáo, văn hóa – thể thao)",  # noqa: RUF001
                "NORMAL",
                "5",
                "MANUAL",
                {},
            ),
            ("D3", "An sinh xã hội, từ thiện, đền ơn đáp nghĩa", "NORMAL", "5", "MANUAL", {}),
            (
                "D4",
                "Phong trào thi đua nội bộ, điển hình tiên tiến, người tốt việc tốt",
                "NORMAL",
                "5",
                "MANUAL",
                {},
            ),
        ],
    ),
    (
        "E",
        "Điểm thưởng",
        "10",
        [
            (
                "E1",
                "Được khen thưởng cấp tỉnh trở lên trong năm",
                "BONUS",
                "5",
                "MANUAL",
                {"evidence_required": True},
            ),
            (
                "E2",
                "Có sáng kiến được công nhận cấp tỉnh",
                "BONUS",
                "3",
                "MANUAL",
                {"evidence_required": True},
            ),
            ("E3", "Làm Khối trưởng, Khối phó", "BONUS", "2", "MANUAL", {}),
            ("E4", "Đóng góp nổi bật cho hoạt động chung", "BONUS", "3", "MANUAL", {}),
        ],
    ),
    (
        "F",
        "Điểm trừ",
        None,
        [
            (
                "F1",
                "Báo cáo quý nộp chậm (trừ 1 điểm/lần)",
                "DEDUCTION",
                "4",
                "COUNT",
                {"count_source": "LATE_REPORTS", "per_occurrence": "1"},
            ),
            (
                "F2",
                "Vắng họp Khối không lý do (trừ 2 điểm/lần)",
                "DEDUCTION",
                "6",
                "COUNT",
                {"count_source": "MISSED_MEETINGS", "per_occurrence": "2"},
            ),
            (
                "F3",
                "Bị xử phạt vi phạm hành chính (trừ 5 điểm/vụ)",
                "DEDUCTION",
                "15",
                "MANUAL",
                {"per_occurrence": "5", "evidence_required": True},
            ),
        ],
    ),
    (
        "G",
        "Điều kiện loại trừ",
        None,
        [
            (
                "G1",
                "Để xảy ra tai nạn lao động chết người do lỗi của doanh nghiệp",
                "VETO",
                "0",
                "MANUAL",
                {},
            ),
            (
                "G2",
                "Vi phạm môi trường bị đình chỉ hoạt động hoặc xử phạt ở mức cao",
                "VETO",
                "0",
                "MANUAL",
                {},
            ),
            ("G3", "Nợ thuế, BHXH quá hạn", "VETO", "0", "MANUAL", {}),
            ("G4", "Để xảy ra đình công, ngừng việc tập thể", "VETO", "0", "MANUAL", {}),
            (
                "G5",
                "Không ký giao ước thi đua của năm",
                "VETO",
                "0",
                "COUNT",
                {"count_source": "UNSIGNED_PLEDGE"},
            ),
        ],
    ),
]
