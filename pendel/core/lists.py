"""Core's own lists on the shared tables (pendel/core/tables.py): the coordinator's
background tasks and the local outbox, each with its filter form."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

from pendel.core.models import OutboxMessage
from pendel.core.tables import CellColumn, PendelTable
from pendel.core.task_descriptions import task_lines

SEARCH_WORDS = 5

TASK_STATUSES = [
    ("FAILED", _("Failed")),
    ("SUCCESSFUL", _("Done")),
    ("READY", _("Waiting")),
    ("RUNNING", _("Running")),
]


class TaskFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=TASK_STATUSES, empty_label=_("All")
    )

    class Meta:
        model = DBTaskResult
        fields = ["status"]


class OutboxFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=100)

    class Meta:
        model = OutboxMessage
        fields = ["q"]

    def search(self, queryset, name, value):
        for word in value.split()[:SEARCH_WORDS]:
            queryset = queryset.filter(Q(to__icontains=word) | Q(subject__icontains=word))
        return queryset


class TaskTable(PendelTable):
    """Background tasks named in words. The words for the page shown are made in one go per
    kind of task (task_lines), after the table has been sorted and paginated."""

    record_name = "task"

    description = CellColumn(
        _("Task"),
        template_code="{{ task.line.description }}{% if task.line.attempt > 1 %}<br><small>"
        "{% blocktranslate with number=task.line.attempt %}Attempt {{ number }}"
        "{% endblocktranslate %}"
        "</small>{% endif %}",
        empty_values=(),
        order_by="task_path",
        orderable=True,
    )
    status = CellColumn(
        _("Status"),
        template_code='<span class="badge badge-{{ task.status|lower }}">'
        '{% if task.status == "FAILED" %}{% translate "Failed" %}'
        '{% elif task.status == "SUCCESSFUL" %}{% translate "Done" %}'
        '{% elif task.status == "RUNNING" %}{% translate "Running" %}'
        '{% else %}{% translate "Waiting" %}{% endif %}</span>',
        orderable=True,
    )
    queued = CellColumn(
        _("Queued"),
        template_code='{{ task.enqueued_at|date:"SHORT_DATETIME_FORMAT" }}',
        order_by="enqueued_at",
        orderable=True,
    )
    runs = CellColumn(
        _("Runs"),
        template_code="{% if task.line.runs_at %}"
        "<time datetime=\"{{ task.line.runs_at|date:'c' }}\">"
        '{{ task.line.runs_at|date:"DATETIME_FORMAT" }} {{ task.line.runs_at|date:"T" }}</time>'
        '{% elif task.status == "READY" %}{% translate "as soon as possible" %}{% else %}–'
        "{% endif %}",
        empty_values=(),
        order_by="run_after",
        orderable=True,
    )
    finished = CellColumn(
        _("Finished"),
        template_code='{{ task.finished_at|date:"SHORT_DATETIME_FORMAT"|default:"–" }}',
        order_by="finished_at",
        orderable=True,
    )
    error = CellColumn(
        _("Error"),
        template_code="{% if task.exception_class_path %}<details><summary>"
        "{{ task.exception_class_path }}</summary><pre>{{ task.traceback }}</pre></details>"
        "{% endif %}",
        empty_values=(),
    )

    class Meta(PendelTable.Meta):
        empty_text = _("No tasks.")
        row_attrs = {"id": lambda record: f"task-{record.pk}"}

    def describe_page(self, *, now) -> None:
        """Name the tasks of the page shown (call after table_configure): each record gets
        its TaskLine as `line`."""
        records = [row.record for row in self.page.object_list]
        for record, line in zip(records, task_lines(records, now=now), strict=True):
            record.line = line


class OutboxTable(PendelTable):
    record_name = "message"

    sent = CellColumn(
        _("Sent"),
        template_code='{{ message.created_at|date:"SHORT_DATETIME_FORMAT" }}',
        order_by="created_at",
        orderable=True,
    )
    to = CellColumn(_("To"), template_code="{{ message.to }}", orderable=True)
    subject = CellColumn(
        _("Subject"),
        template_code="<a href=\"{% url 'core:outbox_message' message.pk %}\">"
        "{{ message.subject }}</a>",
        orderable=True,
    )

    class Meta(PendelTable.Meta):
        empty_text = _("No mail yet.")
