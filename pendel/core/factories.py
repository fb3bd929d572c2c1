"""What the apps' factories (`pendel/<app>/factories.py`, factory_boy) share. The tests and
the demo data build rows with the same factories; the demo finds its rows by natural key
first, so that loading it again changes nothing."""


def find_or_make(factory, *, lookup: dict, **values):
    """The row matching `lookup`, or a new one made by the factory with `values` too."""
    found = factory._meta.model.objects.filter(**lookup).first()
    if found is not None:
        return found
    return factory(**lookup, **values)
