"""``frozen``: a frozen dataclass whose methods are shared, not generated, so that defining one is cheap.

``@dataclass(frozen=True)`` writes the source of ``__init__``, ``__repr__``, ``__eq__``,
``__hash__``, ``__setattr__`` and ``__delattr__`` for every class and compiles each (Python
3.11 compiles them one by one): about 0.4 ms per class, and a start of the tool defines
thirty-odd of them, a tenth of a small check. ``frozen`` lets ``dataclasses`` do only what
is not code generation (the fields, ``__match_args__``), then installs methods written once
here. The classes stay dataclasses: ``dataclasses.fields``, ``replace``, ``asdict`` and
``is_dataclass`` work on them, and their instances compare, hash, print, order and refuse
assignment as ``@dataclass(frozen=True)``'s do (tests/test_records.py compares the two).

The shared ``__init__`` binds arguments in Python: a class made by the hundred per report
writes its own ``__init__`` (see ``validator.model``), which ``frozen`` keeps.
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_: Any) -> Callable[[Any], Any]:
        return lambda decorator: decorator


_T = TypeVar("_T", bound=type)
_set = object.__setattr__
_MISSING = dataclasses.MISSING


@dataclass_transform(frozen_default=True)
def frozen(cls: _T | None = None, /, *, order: bool = False, slots: bool = False) -> Any:
    """``@dataclass(frozen=True)`` (with ``order``, ``slots``), cheap to define; see the module docstring."""

    def wrap(cls: _T) -> _T:
        return _frozen(cls, order, slots)

    return wrap if cls is None else wrap(cls)


def slot_setters(cls: type) -> tuple[Callable[[Any, Any], None], ...]:
    """The setters of a ``slots=True`` record's fields, in order, for its own ``__init__``.

    Calling a field's slot setter is the quickest way to fill a field (a third quicker than
    ``object.__setattr__``, which looks the slot up each time): for the classes made by the
    hundred per report.
    """
    return tuple(cls.__dict__[field.name].__set__ for field in dataclasses.fields(cls))


def _frozen(cls: _T, order: bool, slots: bool) -> _T:
    own_init = "__init__" in cls.__dict__
    # With slots, dataclasses returns a new class (fields become slots): the one to finish.
    cls = dataclasses.dataclass(cls, init=False, repr=False, eq=False, slots=slots)  # type: ignore[assignment]
    fields = dataclasses.fields(cls)
    values = _getter([field.name for field in fields if field.compare])
    methods: dict[str, Any] = {
        "__setattr__": _refuse_assignment,
        "__delattr__": _refuse_deletion,
        "__repr__": _representation(tuple(field.name for field in fields if field.repr)),
        "__eq__": _comparison(values, operator.eq),
        "__hash__": lambda self: hash(values(self)),
    }
    if order:
        methods.update(
            __lt__=_comparison(values, operator.lt),
            __le__=_comparison(values, operator.le),
            __gt__=_comparison(values, operator.gt),
            __ge__=_comparison(values, operator.ge),
        )
    if not own_init:
        methods["__init__"] = _initializer(cls, fields)
    if slots:  # pickle and copy restore slots with setattr, which a frozen record refuses
        methods["__getstate__"], methods["__setstate__"] = _state(tuple(field.name for field in fields))
    for name, method in methods.items():
        setattr(cls, name, method)
    return cls


def _getter(names: list[str]) -> Callable[[object], tuple[Any, ...]]:
    """The tuple of an instance's values that equality, hashing and order compare, as dataclasses build it."""
    if not names:
        return lambda _: ()
    if len(names) == 1:
        one = operator.attrgetter(names[0])
        return lambda instance: (one(instance),)
    return operator.attrgetter(*names)


def _comparison(values: Callable[[object], tuple[Any, ...]], compare: Callable[[Any, Any], bool]) -> Any:
    def method(self: object, other: object) -> Any:
        if other.__class__ is self.__class__:
            return compare(values(self), values(other))
        return NotImplemented

    return method


def _representation(shown: tuple[str, ...]) -> Callable[[object], str]:
    def __repr__(self: object) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{type(self).__qualname__}({inner})"

    return __repr__


def _state(names: tuple[str, ...]) -> tuple[Callable[[Any], list[Any]], Callable[[Any, list[Any]], None]]:
    """``__getstate__`` and ``__setstate__`` of a slotted record, as dataclasses gives a frozen one."""

    def __getstate__(self: object) -> list[Any]:
        return [getattr(self, name) for name in names]

    def __setstate__(self: object, state: list[Any]) -> None:
        for name, value in zip(names, state, strict=True):
            _set(self, name, value)

    return __getstate__, __setstate__


def _refuse_assignment(self: object, name: str, value: object) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_deletion(self: object, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


def _initializer(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> Callable[..., None]:
    """An ``__init__`` taking the fields in order, positionally or by name, with their defaults."""
    names = tuple(field.name for field in fields)
    count = len(names)
    positions = {name: position for position, name in enumerate(names)}
    defaults = {field.name: field.default for field in fields if field.default is not _MISSING}
    factories = {
        field.name: field.default_factory for field in fields if field.default_factory is not _MISSING
    }
    title = f"{cls.__qualname__}.__init__()"

    def __init__(self: object, *args: Any, **kwargs: Any) -> None:
        if not kwargs and len(args) == count:  # the common call, as snapshots rebuild records
            for name, value in zip(names, args, strict=True):
                _set(self, name, value)
            return
        if len(args) > count:
            raise TypeError(f"{title} takes {count + 1} positional arguments but {len(args) + 1} were given")
        for name, value in zip(names, args, strict=False):
            _set(self, name, value)
        for name, value in kwargs.items():
            position = positions.get(name)
            if position is None:
                raise TypeError(f"{title} got an unexpected keyword argument {name!r}")
            if position < len(args):
                raise TypeError(f"{title} got multiple values for argument {name!r}")
            _set(self, name, value)
        if len(args) + len(kwargs) < count:  # the rest take their defaults
            for name in names[len(args) :]:
                if name in kwargs:
                    continue
                if name in defaults:
                    _set(self, name, defaults[name])
                elif name in factories:
                    _set(self, name, factories[name]())
                else:
                    raise TypeError(f"{title} missing 1 required argument: {name!r}")

    return __init__
