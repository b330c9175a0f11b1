"""Every formset is bounded (issue 9, item 5): Django builds at most ``absolute_max`` forms whatever the
client's TOTAL_FORMS says, and ``validate_max`` refuses more than ``max_num`` with a message."""

import importlib
import pkgutil

import pytest
from django.apps import apps
from django.conf import settings
from django.forms.formsets import BaseFormSet

pytestmark = pytest.mark.unit

OUR_PACKAGES = ("thidua", "blocs", "scoring", "awards")


def project_formsets() -> dict[str, type[BaseFormSet]]:
    """Every formset class bound to a name in a ``forms`` module (or package) of our apps."""
    found = {}
    for config in apps.get_app_configs():
        if not config.name.startswith(OUR_PACKAGES):
            continue
        for package in (config.module, *_subpackages(config.module)):
            try:
                module = importlib.import_module(f"{package.__name__}.forms")
            except ModuleNotFoundError:
                continue
            for name, value in vars(module).items():
                if isinstance(value, type) and issubclass(value, BaseFormSet) and hasattr(value, "form"):
                    found[f"{module.__name__}.{name}"] = value
    return found


def _subpackages(package):
    for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        if info.ispkg and not info.name.endswith(".migrations"):
            yield importlib.import_module(info.name)


def test_the_project_has_formsets_to_check():
    assert "blocs.pledges.forms.RegistrationFormSet" in project_formsets()
    assert settings.INSTALLED_APPS  # the walk starts from the installed apps


@pytest.mark.parametrize("name", sorted(project_formsets()))
def test_every_formset_has_an_absolute_maximum(name):
    formset = project_formsets()[name]

    assert (formset.absolute_max, formset.validate_max) == (formset.max_num, True)
