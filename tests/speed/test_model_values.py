"""The hottest model classes write their own ``__init__`` (speed); they must stay frozen dataclasses.

Each takes exactly its fields, in order, with the dataclass's defaults; assignment raises; equality,
hashing and ``dataclasses.replace`` behave as before. A field added without its ``__init__``
parameter fails here rather than going missing.
"""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from copy import deepcopy

import pytest

from validator.model import Heading, MarkerStyle, Paragraph, Result, Span

HAND_WRITTEN = (Span, Paragraph, Heading, Result)


@pytest.mark.parametrize("cls", HAND_WRITTEN, ids=lambda cls: cls.__name__)
def test_init_takes_the_fields_in_order_with_their_defaults(cls: type) -> None:
    parameters = list(inspect.signature(cls).parameters.values())
    fields = dataclasses.fields(cls)
    assert [p.name for p in parameters] == [f.name for f in fields]
    for parameter, field in zip(parameters, fields, strict=True):
        default = field.default if field.default is not dataclasses.MISSING else inspect.Parameter.empty
        assert parameter.default == default, field.name


def _examples() -> list[object]:
    span = Span(3, 1, 3, 9)
    return [
        span,
        Paragraph(0, "heading", "一、总体情况", span),
        Heading("heading", 1, 1, "一、", MarkerStyle("chinese"), 1, "总体情况", False, span, span, 0),
        Result("rule", "NUM-001", "fail", "error", "消息", span),
    ]


@pytest.mark.parametrize("value", _examples(), ids=lambda value: type(value).__name__)
def test_frozen_equal_hashable_and_replaceable(value: object) -> None:
    field = dataclasses.fields(value)[0]  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, field.name, getattr(value, field.name))
    copy = dataclasses.replace(value)  # type: ignore[type-var]
    assert copy == value and hash(copy) == hash(value) and copy is not value
    assert repr(copy) == repr(value)
    assert pickle.loads(pickle.dumps(value)) == value and deepcopy(value) == value
    assert not hasattr(value, "__dict__")  # slots: no dict per instance


def test_spans_keep_their_order() -> None:
    assert sorted([Span(2, 1, 2, 3), Span(1, 5, 1, 6), Span(1, 2, 1, 9)]) == [
        Span(1, 2, 1, 9),
        Span(1, 5, 1, 6),
        Span(2, 1, 2, 3),
    ]
