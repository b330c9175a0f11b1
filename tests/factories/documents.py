import factory

from thidua.documents.models import Notice


class NoticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notice

    organization = factory.SelfAttribute("created_by.organization")
    title = "Về việc tổ chức Hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2026"
    body = "Ban Quản lý thông báo tổ chức Hội nghị.\nĐề nghị các doanh nghiệp tham dự đầy đủ./."
    audience = "Các doanh nghiệp trong Khối thi đua"
    recipients = "Như trên;\nLưu: VT, TĐKT."
