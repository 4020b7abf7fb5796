"""``validator.records.frozen`` behaves as ``@dataclass(frozen=True)``: twin classes, value by value."""

from __future__ import annotations

import copy
import dataclasses
import operator
import pickle
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from validator.model import Heading, Paragraph, Span, Text
from validator.records import frozen, slot_setters


@dataclass(frozen=True)
class Generated:
    name: str
    count: int = 0
    tags: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list, compare=False, repr=False)


@frozen
class Shared:
    name: str
    count: int = 0
    tags: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list, compare=False, repr=False)


@dataclass(frozen=True, order=True)
class GeneratedOrdered:
    line: int
    column: int


@frozen(order=True)
class SharedOrdered:
    line: int
    column: int


values = st.tuples(st.text(max_size=5), st.integers(-3, 3), st.lists(st.text(max_size=2), max_size=3))


def twins(name: str, count: int, tags: list[str]) -> tuple[Generated, Shared]:
    return Generated(name, count, tuple(tags)), Shared(name, count, tuple(tags))


@given(values, values)
def test_equality_hash_and_repr_are_the_dataclass_ones(one: Any, other: Any) -> None:
    generated, shared = twins(*one)
    generated_other, shared_other = twins(*other)
    assert (shared == shared_other) == (generated == generated_other)
    assert (shared != shared_other) == (generated != generated_other)
    assert hash(shared) == hash(generated)
    assert repr(shared).replace("Shared", "Generated", 1) == repr(generated)


@given(st.tuples(st.integers(-2, 2), st.integers(-2, 2)), st.tuples(st.integers(-2, 2), st.integers(-2, 2)))
def test_order_is_the_dataclass_one(one: tuple[int, int], other: tuple[int, int]) -> None:
    generated, generated_other = GeneratedOrdered(*one), GeneratedOrdered(*other)
    shared, shared_other = SharedOrdered(*one), SharedOrdered(*other)
    for compare in (operator.lt, operator.le, operator.gt, operator.ge):
        assert compare(shared, shared_other) == compare(generated, generated_other)
    assert sorted([shared_other, shared]) == sorted([shared, shared_other])


def test_fields_excluded_from_comparison_are_ignored_as_the_dataclass_does() -> None:
    assert Shared("a", notes=["x"]) == Shared("a", notes=["y"])
    assert hash(Shared("a", notes=["x"])) == hash(Shared("a"))
    assert "notes" not in repr(Shared("a", notes=["x"]))


def test_other_classes_and_tuples_are_not_equal_and_cannot_be_ordered() -> None:
    assert Shared("a") != Generated("a")  # type: ignore[comparison-overlap]
    assert Shared("a") != ("a", 0, ())  # type: ignore[comparison-overlap]
    assert SharedOrdered(1, 2) != (1, 2)  # type: ignore[comparison-overlap]
    with pytest.raises(TypeError):
        SharedOrdered(1, 2) < (1, 3)  # type: ignore[operator]  # noqa: B015 - the comparison raises


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        (("a",), {}),
        (("a", 2), {}),
        (("a", 2, ("t",)), {}),
        (("a", 2, ("t",), ["n"]), {}),
        ((), {"name": "a", "tags": ("t",)}),
        (("a",), {"count": 5}),
    ],
)
def test_arguments_bind_as_the_generated_init_binds_them(
    args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    generated, shared = Generated(*args, **kwargs), Shared(*args, **kwargs)
    assert dataclasses.astuple(shared) == dataclasses.astuple(generated)


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        ((), {}),  # missing
        (("a", 1, (), [], "extra"), {}),  # too many
        (("a",), {"name": "b"}),  # twice
        (("a",), {"colour": "red"}),  # unknown
    ],
)
def test_wrong_arguments_raise_type_error_as_the_generated_init_does(
    args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    with pytest.raises(TypeError):
        Generated(*args, **kwargs)
    with pytest.raises(TypeError):
        Shared(*args, **kwargs)


def test_default_factories_make_a_new_value_for_each_instance() -> None:
    first, second = Shared("a"), Shared("b")
    first.notes.append("x")
    assert second.notes == []


def test_instances_refuse_assignment_and_deletion() -> None:
    shared = Shared("a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        shared.count = 1  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del shared.name
    with pytest.raises(dataclasses.FrozenInstanceError):
        shared.extra = 1  # type: ignore[attr-defined]


def test_the_classes_stay_dataclasses_for_callers_and_plugins() -> None:
    shared = Shared("a", 2, ("t",))
    assert dataclasses.is_dataclass(shared)
    assert [f.name for f in dataclasses.fields(shared)] == ["name", "count", "tags", "notes"]
    assert dataclasses.replace(shared, count=3) == Shared("a", 3, ("t",))
    assert dataclasses.asdict(shared) == {"name": "a", "count": 2, "tags": ("t",), "notes": []}
    assert Shared.__match_args__ == ("name", "count", "tags", "notes")
    match shared:
        case Shared(name, count):
            assert (name, count) == ("a", 2)


def test_instances_survive_copy_and_pickle() -> None:
    shared = Shared("a", 2, ("t",), ["n"])
    assert copy.deepcopy(shared) == shared
    assert pickle.loads(pickle.dumps(shared)) == shared


def test_the_models_hand_written_initialisers_are_kept() -> None:
    span = Span(1, 2, 1, 5)
    paragraph = Paragraph(0, "body", "正文", span)
    assert (span.line, span.column, span.end_line, span.end_column) == (1, 2, 1, 5)
    assert Span(1, 2, 1, 5) < Span(1, 3, 1, 4)
    assert dataclasses.replace(paragraph, kind="heading").kind == "heading"
    assert repr(Text("中", "en")) == "Text(zh='中', en='en')"
    assert Heading.__init__.__module__ == "validator.model"


@frozen(slots=True)
class SharedSlotted:
    name: str
    count: int = 0


def test_slotted_records_behave_alike_and_survive_copy_and_pickle() -> None:
    slotted = SharedSlotted("a", 2)
    assert not hasattr(slotted, "__dict__") and SharedSlotted.__slots__ == ("name", "count")
    assert slotted == SharedSlotted("a", 2) and hash(slotted) == hash(("a", 2))
    assert repr(slotted) == "SharedSlotted(name='a', count=2)"
    assert pickle.loads(pickle.dumps(slotted)) == slotted and copy.deepcopy(slotted) == slotted
    assert dataclasses.replace(slotted, count=3) == SharedSlotted("a", 3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        slotted.count = 1  # type: ignore[misc]


def test_slot_setters_fill_the_fields_in_order() -> None:
    setters = slot_setters(SharedSlotted)
    blank = object.__new__(SharedSlotted)
    for setter, value in zip(setters, ("b", 7), strict=True):
        setter(blank, value)
    assert blank == SharedSlotted("b", 7)
