from django.db.models import Q, QuerySet
from django.http import Http404

from pendel.accounts.access import Scope
from pendel.companies.models import Location
from pendel.documents.models import Document


def documents_for(scope: Scope) -> QuerySet[Document]:
    """Documents the actor may see, newest first. Region staff see everything filed
    under their regions; a contact person sees only what is shared with their company,
    for one of their own locations or for the whole company in one of their locations'
    regions: the same scope as invoices (a national company's contact person in one region
    does not see the invoices filed for the company in the others)."""
    documents = Document.objects.filter(deleted_at__isnull=True).select_related(
        "organisation", "location", "region", "uploaded_by"
    )
    if scope.all_regions:
        return documents
    if scope.region_ids:
        return documents.filter(region_id__in=scope.region_ids)
    if scope.organisation_id is None:
        return documents.none()
    regions = Location.objects.filter(pk__in=scope.location_ids).values("region_id")
    return documents.filter(
        Q(location_id__in=scope.location_ids) | Q(location__isnull=True, region_id__in=regions),
        organisation_id=scope.organisation_id,
        visibility=Document.Visibility.SHARED,
    )


def document_get_for(scope: Scope, pk: int) -> Document:
    """The document if the actor may see it; otherwise 404, which does not confirm it exists."""
    document = documents_for(scope).filter(pk=pk).first()
    if document is None:
        raise Http404
    return document
