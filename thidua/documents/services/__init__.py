"""Issuing official documents, signing Board documents before they are numbered, and rendering them in the
background. What other apps call is documented here and imported from ``thidua.documents.services``.

1. ISSUING A DOCUMENT NOW: ``issue_document``
=============================================

``issue_document(*, organization, kind, doc_type, title, template_name, context, owner=None, requested_by,
signer=None, recipients=None, issued_on=None, issuer=None) -> GeneratedDocument``

For documents that need no signature in the portal (a bloc's joint pledge, whose members signed online) and,
through the workflow below, for every Board document once signed.

- ``organization``: the Board the document belongs to (``accounts.Organization``).
- ``issuer``: who issues it (``thidua.documents.issuers``): ``None`` = the Board, in its own register under
  its own letterhead; ``unit_issuer(organization=…, register="bloc:12", unit_name="Khối thi đua …",
  short_code="KTĐ1")`` = a unit the Board hosts, in the unit's own register (a sequence per unit and year)
  under a letterhead with the Board as parent line and the unit as issuing line. The letterhead is copied
  into the document, so a later edit of the Board does not change the PDF.
- ``kind``: a stable code of what the document is, e.g. ``"notice"``, ``"consolidation_decision"``
  (``thidua.documents.kinds`` says what each kind cites and sends by default).
- ``doc_type``: the type abbreviation, e.g. ``"QĐ"``, ``"TB"``, ``"BC"`` (a pledge: the Board's
  ``pledge_doc_type``); the symbol is ``"<doc_type>-<issuer's short code>"`` and the number comes from the
  issuer's register for that type and the year of ``issued_on`` (gap-free, no duplicates, taken in the
  caller's transaction).
- ``title``: the abstract printed under the type, e.g. ``"Về việc kiện toàn Khối thi đua …"``.
- ``template_name``: a template under ``templates/pdf/`` that extends ``pdf/base.html``
  (``pdf/decision.html`` and ``pdf/notice.html`` exist).
- ``context``: template data; it must be JSON-serialisable (dates become ISO strings) and is stored as the
  snapshot every render uses. Keys ``document``, ``letterhead``, ``signer``, ``recipients``,
  ``verification`` are reserved (the platform fills them). Build it in Vietnamese: the PDF always is
  (the renderer works under ``translation.override("vi")`` whatever the language of the person asking).
- ``owner``: the model instance the document belongs to (generic relation), or None.
- ``requested_by``: the user asking; may download the document besides the Board's staff.
- ``signer``: ``{"prefix", "authority", "title", "name"}`` (``thidua.documents.signers``:
  ``board_signer_block(user)`` for a Board signer, ``collective_signer_block(body="Khối thi đua",
  title="Khối trưởng", name=…)`` for a bloc's "TM. KHỐI THI ĐUA / KHỐI TRƯỞNG").
- ``recipients``: the "Nơi nhận" lines without the leading dash; ``kinds.recipients_for(organization, kind,
  lead=("Như Điều 3;",))`` builds them from the kind's defaults and the Board's settings, ending with
  "Lưu: VT, <the Board's filing unit>.".
- ``issued_on``: the date printed on the document (default: today in the portal's time zone).

A user who has asked for more than ``settings.DOCUMENTS_ISSUE_RATE`` documents lately gets a
``ValidationError`` (code ``rate_limited``) and nothing is written: show its message to the user.

It writes an audit event and, once the transaction commits, asks for the render (``enqueue_render`` sends
``signals.render_requested``; the platform's receiver enqueues ``task_render_document``). If the broker is
down at that moment the document simply stays pending: ``sweep_pending_documents`` (beat, every minute)
re-enqueues it. Show progress with ``{% include "documents/includes/_document_status.html" %}``.

2. BOARD DOCUMENTS: SIGNED, THEN NUMBERED (Decree 30/2020, Art. 15)
====================================================================

Every Board document (notices now; consolidation decisions, award decisions, tờ trình) goes through one
workflow. Its owner (the Notice, the decision, …) stores a ``DocumentState``: DRAFT → PENDING_SIGNATURE →
ISSUED, and back to DRAFT when returned or withdrawn; ``advance(state, event)`` (events ``submit``, ``sign``,
``return``, ``withdraw``) gives the next state or a ValidationError.

``request_signature(*, organization, kind, doc_type, title, template_name, context, owner, requested_by,
signer, recipients=None, issuer=None, owner_url="") -> SignatureRequest``

- the same arguments as ``issue_document`` (``owner`` required), minus ``signer`` as a block and
  ``issued_on``: ``signer`` is the Board user the issuer chose (a signer of the Board whose position is set:
  it decides the prefix, never the title's wording), and the date is the day of signing;
- ``owner_url``: where the signer's page links back to (the owner's page);
- refuses (ValidationError) another pending request for the same owner, a signer who cannot sign, and a
  requester over the rate limit;
- creates the pending ``SignatureRequest`` and an unnumbered preview ``GeneratedDocument`` (``is_draft``),
  printed "DỰ THẢO" without number, day or QR code and rendered by the worker like any document; audit
  ``signature_request.created``. Call it inside the owner's transaction, after ``advance(…, "submit")``.

The signer's queue (``documents:signature_queue``) and page (``documents:signature_detail``) are the
platform's; from there:

- ``sign_document(*, signature_request, signed_by, password, otp_token="", request=None)``: the designated
  signer re-enters the password (and the authenticator code when they have a device); a failure is refused,
  audited (``signature_request.reauth_failed``) and counted (``settings.DOCUMENTS_SIGN_FAILURES``: then
  signing is locked for a while). On success, in one transaction: the number is taken from the issuer's
  register, the document is issued (``create_document``; audit ``document.issued``), the request is SIGNED
  (audit ``signature_request.signed``) and ``signals.document_signed(sender=<owner class>,
  signature_request, document, owner)`` lets the owner become ISSUED.
- ``return_document(*, signature_request, returned_by, reason)``: back to the issuer with a reason (required);
  ``withdraw_signature_request(*, signature_request, withdrawn_by)``: the issuer takes it back. Both send
  ``signals.document_returned(sender=<owner class>, signature_request, owner)``: the owner becomes DRAFT and
  shows ``signature_request.reason``.

Receivers connect from their app's ``AppConfig.ready()`` with ``sender=`` their model. Notices are the
worked example (``services.notices``).
"""

from thidua.documents.services.issuing import (
    TRANSIENT_ERRORS,
    claim_document,
    create_document,
    enqueue_render,
    issue_document,
    next_number,
    render_claimed_document,
    retry_document,
    store_pdf,
    sweep_pending_documents,
)
from thidua.documents.services.legal_bases import (
    create_legal_basis,
    delete_legal_basis,
    seed_legal_bases,
    update_legal_basis,
)
from thidua.documents.services.notices import (
    NOTICE_FIELDS,
    create_notice,
    delete_notice,
    deliver_notice,
    submit_notice,
    update_notice,
)
from thidua.documents.services.signing import (
    advance,
    recent_reauth_failures,
    request_signature,
    return_document,
    sign_document,
    withdraw_signature_request,
)

__all__ = [
    "NOTICE_FIELDS",
    "TRANSIENT_ERRORS",
    "advance",
    "claim_document",
    "create_document",
    "create_legal_basis",
    "create_notice",
    "delete_legal_basis",
    "delete_notice",
    "deliver_notice",
    "enqueue_render",
    "issue_document",
    "next_number",
    "recent_reauth_failures",
    "render_claimed_document",
    "request_signature",
    "retry_document",
    "return_document",
    "seed_legal_bases",
    "sign_document",
    "store_pdf",
    "submit_notice",
    "sweep_pending_documents",
    "update_legal_basis",
    "update_notice",
    "withdraw_signature_request",
]
