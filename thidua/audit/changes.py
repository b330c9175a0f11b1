"""The before/after summary that services put in an audit event when they edit a row."""


def apply_changes(obj, data: dict) -> dict:
    """Set ``data`` on ``obj`` and return what really changed as ``{field: [before, after]}`` (as text).

    Validation and saving stay with the calling service.
    """
    changed = {}
    for field, value in data.items():
        before = getattr(obj, field)
        if before != value:
            changed[field] = [str(before), str(value)]
        setattr(obj, field, value)
    return changed
