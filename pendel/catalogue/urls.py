"""URL patterns per portal; config/urls.py mounts them."""

from django.urls import path

from pendel.catalogue.views import company, staff

staff_patterns = [
    path("catalogue/", staff.catalogue_list, name="catalogue_list"),
    path("catalogue/products/new/", staff.national_product_create, name="national_product_create"),
    path("catalogue/products/<int:pk>/edit/", staff.product_edit, name="product_edit"),
    path("catalogue/vat-rates/", staff.vat_rate_list, name="vat_rate_list"),
    path("catalogue/vat-rates/new/", staff.vat_rate_create, name="vat_rate_create"),
    path("catalogue/vat-rates/<int:pk>/confirm/", staff.vat_rate_confirm, name="vat_rate_confirm"),
    path("catalogue/regions/<slug:slug>/", staff.region_catalogue, name="region_catalogue"),
    path(
        "catalogue/regions/<slug:slug>/products/new/",
        staff.region_product_create,
        name="region_product_create",
    ),
    path(
        "catalogue/regions/<slug:slug>/products/<int:pk>/offer/",
        staff.offer_toggle,
        name="offer_toggle",
    ),
    path("catalogue/regions/<slug:slug>/prices/", staff.region_prices, name="region_prices"),
]
company_patterns = [path("catalogue/", company.catalogue, name="catalogue")]
