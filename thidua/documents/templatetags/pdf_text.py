"""Template filters for PDF templates (``{% load pdf_text %}``)."""

from django import template

from thidua.documents.letterhead import TEXT_WIDTH_MM, balanced_lines

register = template.Library()

TITLE_PT = 14.0


@register.filter
def title_lines(text: str) -> list[str]:
    """A centred bold 14 pt line across the text width (e.g. the authority line of a decision) broken into
    balanced lines when it is too long, instead of leaving one word alone on the last line."""
    return balanced_lines(str(text), bold=True, size_pt=TITLE_PT, width_mm=TEXT_WIDTH_MM - 2)
