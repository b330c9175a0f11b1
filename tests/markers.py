"""The markers mean what pyproject.toml says, and the suite checks it.

Every test has exactly one kind, ``unit``, ``integration`` or ``e2e``, and ``slow`` on top when it renders a
real PDF. At collection a test with no kind or two kinds stops the run. While tests run, a test that starts a
process without being ``integration`` or ``e2e``, or renders a PDF without ``slow``, fails with the marker to
add; so does a ``unit`` or ``e2e`` test marked ``slow`` that rendered nothing. (An ``integration`` test may
render in a worker process this guard cannot see, so ``slow`` is not checked the other way round there.)
"""

import subprocess
import sys

import pytest

KINDS = ("unit", "integration", "e2e")


def marker_names(item) -> set[str]:
    return {mark.name for mark in item.iter_markers()}


@pytest.hookimpl(trylast=True)  # after tests/e2e/conftest.py marks its journeys
def pytest_collection_modifyitems(config, items):
    wrong = []
    for item in items:
        kinds = [kind for kind in KINDS if kind in marker_names(item)]
        if len(kinds) != 1:
            wrong.append(f"{item.nodeid}: {' + '.join(kinds) or 'no kind'}")
    if wrong:
        raise pytest.UsageError(
            "Each test needs exactly one of the markers unit, integration, e2e (see [tool.pytest.ini_options] "
            "markers in pyproject.toml):\n  " + "\n  ".join(wrong)
        )


def started_by_ctypes() -> bool:
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename.endswith("ctypes/util.py"):
            return True
        frame = frame.f_back
    return False


@pytest.fixture(autouse=True)
def _markers_match_what_the_test_does(request, monkeypatch):
    from thidua.documents import rendering

    seen: dict[str, list[str]] = {"process": [], "pdf": []}
    real_popen_init = subprocess.Popen.__init__
    real_html_to_pdf = rendering.html_to_pdf

    def popen_init(self, args, *rest, **kwargs):
        if not started_by_ctypes():  # a library's first load looks itself up with ldconfig: not the test's
            seen["process"].append(str(args[0] if isinstance(args, list | tuple) else args).split()[0])
        return real_popen_init(self, args, *rest, **kwargs)

    def html_to_pdf(*args, **kwargs):
        seen["pdf"].append("html_to_pdf")
        return real_html_to_pdf(*args, **kwargs)

    monkeypatch.setattr(subprocess.Popen, "__init__", popen_init)
    monkeypatch.setattr(rendering, "html_to_pdf", html_to_pdf)
    yield
    marks = marker_names(request.node)
    problems = []
    if seen["process"] and not marks & {"integration", "e2e"}:
        problems.append(f"it started {', '.join(sorted(set(seen['process'])))}: mark it integration")
    if seen["pdf"] and "slow" not in marks:
        problems.append("it rendered a PDF: mark it slow")
    if "slow" in marks and not seen["pdf"] and not marks & {"integration"}:
        problems.append("it is marked slow but rendered no PDF: remove slow")
    if problems:
        pytest.fail(f"{request.node.nodeid}: markers do not match the test: {'; '.join(problems)}")
