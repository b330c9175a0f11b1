from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_relink_chains_per_board")]

    operations = [
        migrations.AddConstraint(
            model_name="auditevent",
            constraint=models.UniqueConstraint(fields=("organization", "seq"), name="audit_event_board_seq"),
        ),
        migrations.AddConstraint(
            model_name="auditevent",
            constraint=models.UniqueConstraint(
                condition=models.Q(("organization__isnull", True)),
                fields=("seq",),
                name="audit_event_boardless_seq",
            ),
        ),
    ]
