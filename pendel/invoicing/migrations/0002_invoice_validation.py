# The e-invoice check of each invoice and credit note against the Peppol BIS Billing 3.0
# rules: its outcome, findings, the rules' version and when. Invoices issued before start
# as "not checked yet" and are checked before they are sent.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("invoicing", "0001_sellers_runs_invoices"),
    ]

    operations = [
        migrations.AddField(
            model_name="invoice",
            name="validation",
            field=models.CharField(
                choices=[
                    ("pending", "Not checked yet"),
                    ("passed", "Passed the rules"),
                    ("failed", "Breaks the rules"),
                ],
                default="pending",
                max_length=8,
                verbose_name="e-invoice check",
            ),
        ),
        migrations.AddField(
            model_name="invoice",
            name="validation_findings",
            field=models.JSONField(blank=True, default=list, verbose_name="findings"),
        ),
        migrations.AddField(
            model_name="invoice",
            name="validated_against",
            field=models.CharField(blank=True, max_length=20, verbose_name="rules version"),
        ),
        migrations.AddField(
            model_name="invoice",
            name="validated_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="checked"),
        ),
    ]
