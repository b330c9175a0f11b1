"""The meeting's signed minutes: uploaded with the meeting, downloaded only by those who may see the meeting."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from blocs.membership.services.meetings import create_meeting
from blocs.models import Meeting
from tests.blocs.pdf import PDF_BYTES, pdf_upload
from tests.conftest import english
from thidua.audit.models import AuditEvent

pytestmark = pytest.mark.unit


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _meeting(blocs_world, **extra) -> Meeting:
    data = {"kind": "MIDYEAR", "date": "2026-07-10", "place": "Hội trường Công ty Hồng Ngọc", **extra}
    return create_meeting(
        bloc=blocs_world.bloc, year=blocs_world.year, data=data, created_by=blocs_world.leader
    )


def test_leader_uploads_the_minutes_with_the_meeting(blocs_world, client_for, media):
    client = client_for(blocs_world.leader)

    response = client.post(
        reverse("membership:meeting_create", args=[blocs_world.bloc.pk]),
        {
            "kind": "MIDYEAR",
            "date": "2026-07-10",
            "place": "Hội trường",
            "attendees": [blocs_world.member_enterprise.pk],
            "file": pdf_upload("Biên bản họp sơ kết.pdf"),
        },
    )
    meeting = Meeting.objects.get()

    assert response.status_code == 302
    assert meeting.file.name.startswith("blocs/meetings/")
    assert "Bi" not in meeting.file.name
    assert (media / meeting.file.name).read_bytes() == PDF_BYTES
    assert AuditEvent.objects.get(action="meeting.created").changes["minutes_file"] is True


def test_minutes_that_are_not_pdf_are_refused_on_the_form(blocs_world, client_for):
    client = english(client_for(blocs_world.leader))

    response = client.post(
        reverse("membership:meeting_create", args=[blocs_world.bloc.pk]),
        {"kind": "LAUNCH", "date": "2026-03-08", "file": pdf_upload("bien-ban.pdf", b"MZ\x90\x00")},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == ["This is not a PDF file."]
    assert not Meeting.objects.exists()


def test_service_refuses_minutes_with_another_extension(blocs_world):
    with pytest.raises(ValidationError) as caught:
        _meeting(blocs_world, file=pdf_upload("bien-ban.html"))

    assert caught.value.message_dict == {"file": ["Upload a file ending in .pdf."]}


def test_minutes_download_trio(world, blocs_world, client_for):
    meeting = _meeting(blocs_world, file=pdf_upload())
    url = reverse("membership:meeting_file_download", args=[meeting.pk])

    for allowed in (blocs_world.leader, blocs_world.member, world.a.council):
        response = client_for(allowed).get(url)
        assert (response.status_code, b"".join(response.streaming_content)) == (200, PDF_BYTES)
    assert client_for(blocs_world.outsider).get(url).status_code == 403
    assert client_for(world.b.officer).get(url).status_code == 404


def test_minutes_download_headers(blocs_world, client_for):
    meeting = _meeting(blocs_world, file=pdf_upload())

    response = client_for(blocs_world.member).get(
        reverse("membership:meeting_file_download", args=[meeting.pk])
    )

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Bi%C3%AAn%20b%E1%BA%A3n%20h%E1%BB%8Dp%20KT%C4%901%2010-07-2026.pdf"
    )


def test_meeting_without_minutes_file_is_404(blocs_world, client_for):
    meeting = _meeting(blocs_world)

    page = client_for(blocs_world.leader).get(reverse("membership:meeting_detail", args=[meeting.pk]))
    download = client_for(blocs_world.leader).get(
        reverse("membership:meeting_file_download", args=[meeting.pk])
    )

    assert (page.status_code, download.status_code) == (200, 404)
    assert reverse("membership:meeting_file_download", args=[meeting.pk]) not in page.content.decode()
