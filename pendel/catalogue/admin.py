from django.contrib import admin

from pendel.catalogue.models import AnnualPassPrice, Price, Product, RegionOffer, VatRate


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ["code", "region", "kind", "billing", "tax_class", "is_active"]
    list_filter = ["kind", "region", "is_active"]


@admin.register(VatRate)
class VatRateAdmin(admin.ModelAdmin):
    list_display = [
        "country",
        "tax_class",
        "category",
        "rate",
        "valid_from",
        "valid_to",
        "confirmed",
    ]
    list_filter = ["country", "confirmed"]


admin.site.register([RegionOffer, Price, AnnualPassPrice])
