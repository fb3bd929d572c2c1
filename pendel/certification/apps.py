from importlib import import_module

from django.apps import AppConfig


class CertificationConfig(AppConfig):
    name = "pendel.certification"
    label = "certification"

    def ready(self):
        # The member page and the programme's public page live in companies, below this
        # app: they show the certification through the blocks registered here.
        companies = import_module("pendel.companies.selectors")
        hooks = import_module(f"{self.name}.hooks")
        companies.member_summary_block_register(
            "certification/staff/_member_summary.html", hooks.member_block
        )
        companies.public_member_badges_register(hooks.public_badges)
