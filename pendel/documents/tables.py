"""Documents, in the back office and on Min side (pendel/core/tables.py)."""

from django.utils.translation import gettext_lazy as _

from pendel.core.tables import NUMBER_CELLS, CellColumn, PendelTable

UPLOADED = (
    '{{ document.uploaded_at|date:"SHORT_DATETIME_FORMAT" }}<br>'
    '<small>{{ document.uploaded_by|default:"Pendel" }}</small>'
)


def _title(url_name: str) -> str:
    return (
        f"<a href=\"{{% url '{url_name}' document.pk %}}\">{{{{ document.title }}}}</a><br>"
        "<small>{{ document.original_filename }}</small>"
    )


class DocumentColumnsTable(PendelTable):
    """What every list of documents shows of a file: its category, when and by whom it was
    uploaded, and its size (the lists put them where they read best, by `sequence`)."""

    record_name = "document"

    category = CellColumn(
        _("Category"),
        template_code="{{ document.get_category_display }}",
        orderable=True,
    )
    uploaded = CellColumn(
        _("Uploaded"),
        template_code=UPLOADED,
        order_by="uploaded_at",
        orderable=True,
    )
    size = CellColumn(
        _("Size"),
        template_code="{{ document.size|filesizeformat }}",
        orderable=True,
        attrs=NUMBER_CELLS,
    )

    class Meta(PendelTable.Meta):
        empty_text = _("No documents yet.")


class DocumentTable(DocumentColumnsTable):
    """Staff: the documents filed under the staff member's regions."""

    title = CellColumn(
        _("Document"),
        template_code=_title("staff:document_download"),
        orderable=True,
    )
    company = CellColumn(
        _("Company"),
        template_code="{{ document.organisation.name }}<br><small>{% if document.location %}"
        '{{ document.location.name }}{% else %}{% translate "Whole company" %}{% endif %} · '
        "{{ document.region.name }}</small>",
        order_by=("organisation__name", "location__name"),
        orderable=True,
    )
    visibility = CellColumn(
        _("Who may see it"),
        template_code='<span class="badge">{{ document.get_visibility_display }}</span>',
        orderable=True,
    )
    actions = CellColumn(
        _("Actions"),
        template_code="{% if document.retained_until and document.retained_until >= today %}"
        '<small>{% blocktranslate with date=document.retained_until|date:"SHORT_DATE_FORMAT" %}'
        "Kept by law until {{ date }}{% endblocktranslate %}</small>{% else %}"
        '<a href="{% url \'staff:document_delete\' document.pk %}">{% translate "Delete" %}'
        '<span class="visually-hidden"> {{ document.title }}</span></a>{% endif %}',
    )

    class Meta(DocumentColumnsTable.Meta):
        sequence = ("title", "company", "category", "visibility", "uploaded", "size", "actions")

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.cell_context = {"today": today}


class CompanyDocumentTable(DocumentColumnsTable):
    """Min side: what is shared with the company."""

    title = CellColumn(
        _("Document"),
        template_code=_title("company:document_download"),
        orderable=True,
    )
    location = CellColumn(
        _("Location"),
        template_code="{% if document.location %}{{ document.location.name }}"
        '{% else %}{% translate "Whole company" %}{% endif %}',
        order_by="location__name",
        orderable=True,
    )

    class Meta(DocumentColumnsTable.Meta):
        sequence = ("title", "location", "category", "uploaded", "size")
