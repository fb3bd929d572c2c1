from django.apps import AppConfig


class OrdersConfig(AppConfig):
    name = "pendel.orders"
    label = "orders"
