"""One audit chain per Board (and one for events with no Board) instead of one chain whose head row every
audited write of every Board locked. Schema first; 0004 re-links the existing events chain by chain and
builds the heads; 0005 adds the per-chain uniqueness of ``seq``."""

import django.db.models.deletion
import django.db.models.functions.comparison
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("audit", "0002_append_only_trigger"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="auditevent",
            options={"ordering": ["-id"], "verbose_name": "audit event", "verbose_name_plural": "audit events"},
        ),
        migrations.RemoveIndex(model_name="auditevent", name="audit_org_seq"),
        migrations.AlterField(
            model_name="auditevent",
            name="seq",
            field=models.PositiveBigIntegerField(editable=False),
        ),
        # The single head row is derived data: 0004 rebuilds one head per chain from the events.
        migrations.DeleteModel(name="AuditChainHead"),
        migrations.CreateModel(
            name="AuditChainHead",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("last_seq", models.PositiveBigIntegerField(default=0)),
                (
                    "last_hash",
                    models.CharField(
                        default="0000000000000000000000000000000000000000000000000000000000000000", max_length=64
                    ),
                ),
                (
                    "organization",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="accounts.organization",
                    ),
                ),
            ],
            options={
                "verbose_name": "audit chain head",
                "constraints": [
                    models.UniqueConstraint(
                        django.db.models.functions.comparison.Coalesce(
                            "organization", models.Value(0), output_field=models.BigIntegerField()
                        ),
                        name="audit_one_head_per_chain",
                    )
                ],
            },
        ),
    ]
