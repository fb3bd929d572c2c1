from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "pendel.accounts"
    label = "accounts"
