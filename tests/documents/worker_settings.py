"""Settings of the real Celery worker the integration tests start (tests/documents/test_worker.py).

The production settings, plus one test-only template (``pdf/test_slow.html``) with a tag that waits while a
marker file exists, so a test can kill the worker mid-render. Nothing here is loaded outside these tests.
"""

from thidua.settings import *  # noqa: F403
from thidua.settings import BASE_DIR, TEMPLATES

TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "tests" / "documents" / "templates"]
TEMPLATES[0]["OPTIONS"]["builtins"] = ["tests.documents.slow_tags"]
