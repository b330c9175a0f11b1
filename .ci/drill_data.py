"""Data for the restore drill (run by .ci/restore-drill with `manage.py shell`, after seed_demo).

seed_demo already signs a pledge; this adds what else a production backup must carry: an issued official
document rendered to PDF (its SHA-256 recorded) and the scanned signed copy of the signed pledge.
"""

from django.core.files.uploadedfile import SimpleUploadedFile
from django_otp.oath import TOTP

from blocs.pledges import services as pledge_services
from blocs.pledges.models import PledgeSignature
from thidua.accounts.demo import DEMO_PASSWORD, demo_totp_key_hex
from thidua.accounts.models import User
from thidua.documents import queries as document_queries
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
# Board documents are signed before they are numbered: send it to the signer, who signs (renders in-process).
document_services.submit_notice(notice=notice, submitted_by=officer)
signature_request = document_queries.signature_requests_for_owner(notice).first()
document_services.sign_document(
    signature_request=signature_request,
    signed_by=signer,
    password=DEMO_PASSWORD,
    otp_token=f"{TOTP(bytes.fromhex(demo_totp_key_hex())).token():06d}",
)
notice.refresh_from_db()
notice.document.refresh_from_db()
assert notice.document.sha256, f"the drill's notice did not render: {notice.document.status}"

signature = PledgeSignature.objects.select_related("pledge", "signer").order_by("pk").first()
assert signature is not None, "seed_demo signed no pledge"
with notice.document.file.open("rb") as rendered:
    scan = SimpleUploadedFile("ban-ky.pdf", rendered.read(), content_type="application/pdf")
pledge_services.attach_signed_scan(pledge=signature.pledge, user=signature.signer, upload=scan)
print("drill data: 1 issued notice, 1 signed pledge scan")
