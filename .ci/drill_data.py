"""Data for the restore drill (run by .ci/restore-drill with `manage.py shell`, after seed_demo).

seed_demo already signs a pledge; this adds what else a production backup must carry: an issued official
document rendered to PDF (its SHA-256 recorded) and the scanned signed copy of the signed pledge.
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from blocs.pledges import services as pledge_services
from blocs.pledges.models import PledgeSignature
from thidua.accounts.models import User
from thidua.documents import services as document_services

officer = User.objects.get(email="officer.tn@thidua.demo")
signer = User.objects.get(email="signer.tn@thidua.demo")
notice = document_services.create_notice(
    organization=officer.organization,
    created_by=officer,
    title="Về việc diễn tập khôi phục dữ liệu",
    body="Ban Quản lý kiểm tra bản sao lưu cơ sở dữ liệu và tệp văn bản.",
    recipients="Như trên;\nLưu: VT, TĐKT.",
    signer=signer,
)
notice = document_services.issue_notice(notice=notice, issued_by=officer)  # renders in-process (no broker)
notice.document.refresh_from_db()
assert notice.document.sha256, f"the drill's notice did not render: {notice.document.status}"

signature = PledgeSignature.objects.select_related("pledge", "signer").order_by("pk").first()
assert signature is not None, "seed_demo signed no pledge"
with notice.document.file.open("rb") as rendered:
    scan = SimpleUploadedFile("ban-ky.pdf", rendered.read(), content_type="application/pdf")
pledge_services.attach_signed_scan(pledge=signature.pledge, user=signature.signer, upload=scan)
print("drill data: 1 issued notice, 1 signed pledge scan")
