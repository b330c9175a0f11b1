import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

import blocs.validators


class Migration(migrations.Migration):
    """The consolidation decision keeps its rows under its own name (it was called "composition" decision);
    notifications move to the platform app ``notifications`` (no production data existed); the voting engine
    gets its constraints: ratios in (0, 1], at least one seat and one choice, one candidate row per enterprise."""

    dependencies = [
        ("accounts", "0001_initial"),
        ("blocs", "0009_pledge_signature_append_only"),
    ]

    operations = [
        migrations.RenameModel("CompositionDecision", "ConsolidationDecision"),
        migrations.AlterField(
            model_name="consolidationdecision",
            name="organization",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="consolidation_decisions",
                to="accounts.organization",
            ),
        ),
        migrations.DeleteModel(name="Notification"),
        migrations.AlterField(
            model_name="votingsession",
            name="quorum_ratio",
            field=models.DecimalField(
                decimal_places=4,
                default="0.6667",
                help_text="Share of eligible voters who must vote, e.g. 0.6667 for two thirds",
                max_digits=5,
                validators=[blocs.validators.validate_ratio],
                verbose_name="quorum",
            ),
        ),
        migrations.AlterField(
            model_name="votingsession",
            name="threshold_ratio",
            field=models.DecimalField(
                decimal_places=4,
                default="0.5",
                max_digits=5,
                validators=[blocs.validators.validate_ratio],
                verbose_name="threshold",
            ),
        ),
        migrations.AlterField(
            model_name="votingsession",
            name="seats",
            field=models.PositiveSmallIntegerField(
                default=1, validators=[django.core.validators.MinValueValidator(1)], verbose_name="seats"
            ),
        ),
        migrations.AlterField(
            model_name="votingsession",
            name="max_choices",
            field=models.PositiveSmallIntegerField(
                default=1,
                validators=[django.core.validators.MinValueValidator(1)],
                verbose_name="choices per ballot",
            ),
        ),
        migrations.AddConstraint(
            model_name="votingsession",
            constraint=models.CheckConstraint(
                condition=models.Q(("quorum_ratio__gt", 0), ("quorum_ratio__lte", 1))
                & models.Q(("threshold_ratio__gt", 0), ("threshold_ratio__lte", 1)),
                name="voting_ratios_in_range",
            ),
        ),
        migrations.AddConstraint(
            model_name="votingsession",
            constraint=models.CheckConstraint(
                condition=models.Q(("max_choices__gte", 1), ("seats__gte", 1)), name="voting_seats_positive"
            ),
        ),
        migrations.AddConstraint(
            model_name="candidate",
            constraint=models.UniqueConstraint(
                condition=models.Q(("enterprise__isnull", False)),
                fields=("session", "enterprise"),
                name="one_candidate_per_enterprise_and_session",
            ),
        ),
    ]
