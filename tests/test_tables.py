"""Lists that scale (pendel/core/tables.py): what a user notices when they sort, filter and
page a list, with and without htmx, and that a bad query string never breaks a list."""

import re

import pytest
from django.urls import reverse

from pendel.companies.factories import LocationFactory, OrganisationFactory
from pendel.companies.models import Membership
from pendel.employees.factories import EmployeeFactory

MEMBERS = "staff:member_list"


def _members(world, *names, status="active"):
    for index, name in enumerate(names):
        organisation = OrganisationFactory(name=name, country=world.region.country)
        location = LocationFactory(
            organisation=organisation, region=world.region, employee_count=10 * (index + 1)
        )
        Membership.objects.create(location=location, status=status, advisor=world.advisor)


def _rows(response) -> list[str]:
    """The first cell of every row, as text, in the order shown."""
    body = response.content.decode()
    tbody = body[body.index("<tbody") : body.index("</tbody>")]
    cells = re.findall(r"<tr[^>]*>\s*<td[^>]*>(.*?)</td>", tbody, flags=re.S)
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in cells]


@pytest.fixture
def advisor(client, world):
    client.force_login(world.advisor)
    return client


def test_members_sort_by_company_both_ways(advisor, world):
    _members(world, "Bakeriet AS", "Alfa Bygg AS", "Cirkus AS")
    url = reverse(MEMBERS)
    assert _rows(advisor.get(url, {"sort": "company"})) == [
        "Alfa Bygg AS",
        "Bakeriet AS",
        "Cirkus AS",
    ]
    assert _rows(advisor.get(url, {"sort": "-company"})) == [
        "Cirkus AS",
        "Bakeriet AS",
        "Alfa Bygg AS",
    ]


def test_the_sorted_header_says_so_and_links_the_other_way(advisor, world):
    _members(world, "Alfa Bygg AS")
    page = advisor.get(reverse(MEMBERS), {"sort": "company", "page": "1"}).content.decode()
    header = re.search(
        r'<th scope="col" role="columnheader" aria-sort="ascending"[^>]*>\s*<a href="([^"]+)"', page
    )
    assert header is not None
    assert "sort=-company" in header.group(1)
    assert "page=" not in header.group(1)  # a new order starts on the first page
    assert 'aria-sort="none"' in page  # the other sortable columns


def test_members_sort_by_employees(advisor, world):
    _members(world, "Små AS", "Mellom AS", "Store AS")  # 10, 20 and 30 employees
    rows = _rows(advisor.get(reverse(MEMBERS), {"sort": "-employees"}))
    assert rows == ["Store AS", "Mellom AS", "Små AS"]


@pytest.mark.parametrize(
    "sort", ["nonsense", "-", "location__organisation__organisation_number", "pk,,", "x" * 5000]
)
def test_a_sort_on_no_listed_column_is_ignored(advisor, world, sort):
    _members(world, "Alfa Bygg AS")
    response = advisor.get(reverse(MEMBERS), {"sort": sort})
    assert response.status_code == 200
    assert _rows(response) == ["Alfa Bygg AS"]
    assert 'aria-sort="ascending"' not in response.content.decode()


def test_the_filter_keeps_its_parameters_and_the_sort(advisor, world):
    _members(world, "Alfa Bygg AS", "Bakeriet AS")
    _members(world, "Avsluttet AS", status="ended")
    response = advisor.get(reverse(MEMBERS), {"status": "active", "sort": "-company"})
    assert _rows(response) == ["Bakeriet AS", "Alfa Bygg AS"]
    assert 'name="sort" id="table-sort" value="-company">' in response.content.decode()


def test_members_page_through_fifty_at_a_time(advisor, world):
    _members(world, *[f"Firma {number:02d} AS" for number in range(55)])
    url = reverse(MEMBERS)
    first = _rows(advisor.get(url, {"sort": "company"}))
    second = advisor.get(url, {"sort": "company", "page": "2"})
    assert len(first) == 50 and first[0] == "Firma 00 AS"
    assert _rows(second) == [f"Firma {number} AS" for number in range(50, 55)]
    assert "Page 2 of 2" in second.content.decode()
    # the page links keep the sort
    assert "sort=company&amp;page=1" in second.content.decode()


@pytest.mark.parametrize("page", ["0", "-3", "abc", "999999999999999999999"])
def test_a_page_out_of_range_shows_a_page_not_an_error(advisor, world, page):
    _members(world, "Alfa Bygg AS")
    response = advisor.get(reverse(MEMBERS), {"page": page})
    assert response.status_code == 200
    assert _rows(response) == ["Alfa Bygg AS"]


def test_an_htmx_request_gets_only_the_table(advisor, world):
    _members(world, "Alfa Bygg AS", "Bakeriet AS")
    response = advisor.get(
        reverse(MEMBERS), {"sort": "-company"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results"
    )
    page = response.content.decode()
    assert "<html" not in page and "<form" not in page
    assert "2 members" in page
    assert _rows(response) == ["Bakeriet AS", "Alfa Bygg AS"]
    # the filter form, not re-rendered, learns the new order out of band
    assert 'id="table-sort" value="-company" hx-swap-oob="true"' in page


def test_without_htmx_the_whole_page_comes_with_links_and_a_plain_form(advisor, world):
    _members(world, "Alfa Bygg AS")
    page = advisor.get(reverse(MEMBERS)).content.decode()
    assert "<html" in page
    assert '<form method="get"' in page
    assert 'href="?sort=company"' in page
    assert 'hx-get="?sort=company" hx-target="#results" hx-push-url="true"' in page


def test_every_cell_carries_its_column_name_for_the_phone_card(advisor, world):
    _members(world, "Alfa Bygg AS")
    page = advisor.get(reverse(MEMBERS)).content.decode()
    assert '<td role="cell" data-label="Company"' in page
    assert '<td role="cell" data-label="Employees" class="num"' in page


def test_the_sort_never_widens_the_scope(advisor, world):
    """The other region's member stays out whatever the order."""
    _members(world, "Alfa Bygg AS")
    Membership.objects.create(location=world.other_location, status="active")
    for sort in ["company", "-company", "programme", "-employees"]:
        rows = _rows(advisor.get(reverse(MEMBERS), {"sort": sort}))
        assert "Twentse Tegels B.V." not in rows


def test_min_side_employees_sort_by_name_and_department(client, world):
    for first, department in [("Cecilie", "Salg"), ("Anders", "Lager"), ("Bjørn", "Admin")]:
        EmployeeFactory(
            location=world.location, first_name=first, last_name="Hansen", department=department
        )
    client.force_login(world.contact)
    url = reverse("company:employee_list")
    by_name = _rows(client.get(url, {"location": world.location.pk, "sort": "name"}))
    assert by_name == ["Anders Hansen", "Bjørn Hansen", "Cecilie Hansen"]
    by_department = _rows(client.get(url, {"location": world.location.pk, "sort": "department"}))
    assert by_department == ["Bjørn Hansen", "Anders Hansen", "Cecilie Hansen"]


def test_the_dual_role_person_sees_only_their_regions_members(client, world):
    _members(world, "Alfa Bygg AS")
    Membership.objects.create(location=world.third_location, status="active")
    client.force_login(world.staff_and_contact)
    rows = _rows(client.get(reverse(MEMBERS), {"sort": "company"}))
    assert rows == ["Alfa Bygg AS"]  # Sandnes Sykkel is theirs as a contact, not as staff
