"""Award decision with a 200-line annex (issue 14): render time, pages and size, once.

Renders the built-in sample of ``awards.decisions.documents`` with 200 lines (3 collectives, 197 individuals)
in one process: the first render (fonts and stylesheet loaded), then RUNS warm renders. Needs no database
rows (the sample document is never saved). Run: ``.venv/bin/python bench/award_decision.py``.
"""

import os
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.test_settings")
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
LINES = int(os.environ.get("BENCH_LINES", "200"))


def main() -> None:
    import django

    django.setup()
    from pypdf import PdfReader

    from awards.decisions.documents import sample_award_decision
    from thidua.documents import rendering
    from thidua.documents.samples import build_sample_document

    document = build_sample_document(sample_award_decision(LINES))
    start = time.perf_counter()
    pdf = rendering.render_pdf(document)
    first = time.perf_counter() - start
    warm = []
    for _ in range(RUNS):
        start = time.perf_counter()
        rendering.render_pdf(document)
        warm.append(time.perf_counter() - start)
    pages = len(PdfReader(__import__("io").BytesIO(pdf)).pages)
    print(f"lines: {LINES}; pages: {pages}; size: {len(pdf) / 1024:.0f} KiB")
    print(
        f"first render: {first * 1000:.0f} ms; warm (n={RUNS}) median {statistics.median(warm) * 1000:.0f} ms, "
        f"max {max(warm) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
