"""The staff list of user accounts (pendel/core/tables.py), searchable by name and email."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pendel.accounts.models import User
from pendel.core.tables import CellColumn, PendelTable


class UserFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=100)

    class Meta:
        model = User
        fields = ["q"]

    def search(self, queryset, name, value):
        for word in value.split()[:5]:
            queryset = queryset.filter(
                Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(email__icontains=word)
            )
        return queryset


class UserTable(PendelTable):
    record_name = "person"

    name = CellColumn(
        _("Name"),
        template_code='{{ person.get_full_name|default:"–" }}',
        order_by=("first_name", "last_name"),
        orderable=True,
    )
    email = CellColumn(
        _("Email address"),
        template_code="{{ person.email }}",
        orderable=True,
    )
    roles = CellColumn(
        _("Roles"),
        template_code="{% for role in person.visible_roles %}{{ role }}"
        "{% if not forloop.last %}<br>{% endif %}{% empty %}{% if person.is_superuser %}"
        '{% translate "Superuser" %}{% endif %}{% endfor %}',
    )
    actions = CellColumn(
        _("Actions"),
        template_code="{% if not person.elsewhere and person.pk != request.user.pk %}"
        "<a href=\"{% url 'staff:user_deactivate' person.pk %}\">"
        '{% translate "Deactivate" %}<span class="visually-hidden"> {{ person.email }}</span>'
        "</a>{% endif %}",
    )

    class Meta(PendelTable.Meta):
        empty_text = _("No users.")
