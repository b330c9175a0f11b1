from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from thidua.documents import rendering, samples


class Command(BaseCommand):
    help = "Render a document kind from built-in sample data to a PDF file (for template design and checks)."

    def add_arguments(self, parser):
        parser.add_argument("kind", help="e.g. notice")
        parser.add_argument("out", help="output PDF path")
        parser.add_argument("--html", action="store_true", help="write the HTML instead of the PDF")

    def handle(self, *args, kind: str, out: str, html: bool, **options):
        known = samples.all_samples()
        if kind not in known:
            raise CommandError(f"Unknown kind {kind!r}. Known: {', '.join(sorted(known))}")
        document = samples.build_sample_document(known[kind]())
        target = Path(out)
        if html:
            target.write_text(rendering.render_html(document), encoding="utf-8")
        else:
            target.write_bytes(rendering.render_pdf(document))
        self.stdout.write(f"Wrote {target} ({target.stat().st_size} bytes)")
