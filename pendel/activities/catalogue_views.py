"""The activity catalogue in the back office, and a region's rules for plans. National
types are the coordinator's; a region's own are its staff's."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from pendel.accounts.access import coordinator_required, request_scope, staff_required
from pendel.activities import catalogue
from pendel.activities.catalogue_forms import (
    ActivityRulesForm,
    ActivityTypeFilter,
    ActivityTypeForm,
)
from pendel.activities.catalogue_tables import ActivityTypeTable
from pendel.activities.models import ActivityType
from pendel.core.forms import apply_validation_error
from pendel.core.tables import table_configure, table_render
from pendel.regions.selectors import region_get_for, regions_for


@staff_required
def activity_type_list(request):
    scope = request_scope(request)
    found = ActivityTypeFilter(request.GET, queryset=catalogue.activity_types_for(scope))
    table = ActivityTypeTable(found.qs)
    table.cell_context = {"coordinator": scope.is_coordinator}
    context = {
        "form": found.form,
        "regions": regions_for(scope),
        "coordinator": scope.is_coordinator,
    }
    return table_render(
        request,
        "activities/staff/activity_type_list.html",
        context,
        table=table_configure(request, table),
    )


def _type_form_page(request, *, activity_type: ActivityType):
    form = ActivityTypeForm(request.POST or None, instance=activity_type)
    if request.method == "POST" and form.is_valid():
        try:
            catalogue.activity_type_save(
                actor=request.user,
                activity_type=activity_type,
                data=form.settings(),
                texts=form.texts(),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The activity has been saved."))
            return redirect("staff:activity_type_list")
    context = {"form": form, "activity_type": activity_type, "region": activity_type.region}
    status = 400 if request.method == "POST" else 200
    return render(request, "activities/staff/activity_type_form.html", context, status=status)


@coordinator_required
def activity_type_create(request):
    return _type_form_page(request, activity_type=ActivityType(region=None))


@staff_required
def region_activity_type_create(request, slug: str):
    region = region_get_for(request_scope(request), slug)
    return _type_form_page(request, activity_type=ActivityType(region=region))


@staff_required
def activity_type_edit(request, pk: int):
    activity_type = catalogue.activity_type_get_for_edit(request_scope(request), pk)
    return _type_form_page(request, activity_type=activity_type)


@staff_required
def activity_type_remove(request, pk: int):
    """Delete a type nobody has used; deactivate one that plans or events use."""
    activity_type = catalogue.activity_type_get_for_edit(request_scope(request), pk)
    if request.method != "POST":
        return redirect("staff:activity_type_edit", pk=activity_type.pk)
    name = activity_type.get_name_display()
    if catalogue.activity_type_remove(actor=request.user, activity_type=activity_type):
        messages.success(request, _("%(name)s has been removed.") % {"name": name})
    else:
        messages.success(
            request,
            _("%(name)s is used in plans or activities, so it has been deactivated instead.")
            % {"name": name},
        )
    return redirect("staff:activity_type_list")


@staff_required
def activity_rules(request, slug: str):
    region = region_get_for(request_scope(request), slug)
    rules = catalogue.activity_rules_for(region)
    form = ActivityRulesForm(request.POST or None, instance=rules)
    if request.method == "POST" and form.is_valid():
        catalogue.activity_rules_save(actor=request.user, region=region, data=form.cleaned_data)
        messages.success(request, _("The rules for activity plans have been saved."))
        return redirect("staff:activity_rules", slug=region.slug)
    status = 400 if request.method == "POST" else 200
    context = {"region": region, "form": form}
    return render(request, "activities/staff/activity_rules.html", context, status=status)
