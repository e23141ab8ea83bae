"""A mypy plugin: Qt classes take their properties as constructor keywords, as PySide6 does.

PySide6 sets any Qt property (and connects any signal) given as a keyword to a constructor,
`QPushButton(text, objectName="save", checkable=True)`, but its stubs declare only a few of
them per class, so mypy refuses the rest. For each constructor of a `QObject` subclass, this
adds `**properties: Any` to every signature that does not already take extra keywords: the
positional arguments stay checked, and the widget keeps its type (a refused call would make
it `Any`). Used by `[tool.mypy]` in pyproject.toml.
"""

from __future__ import annotations

from collections.abc import Callable

from mypy.nodes import ARG_STAR2
from mypy.plugin import FunctionSigContext, MethodSigContext, Plugin
from mypy.types import AnyType, CallableType, FunctionLike, Instance, TypeOfAny, get_proper_type

QOBJECT = "PySide6.QtCore.QObject"


def _with_properties(signature: CallableType, constructed: Instance | None) -> CallableType:
    if constructed is None or not constructed.type.has_base(QOBJECT):
        return signature
    if ARG_STAR2 in signature.arg_kinds:
        return signature
    return signature.copy_modified(
        arg_types=[*signature.arg_types, AnyType(TypeOfAny.explicit)],
        arg_kinds=[*signature.arg_kinds, ARG_STAR2],
        arg_names=[*signature.arg_names, "properties"],
    )


def _constructor(ctx: FunctionSigContext) -> FunctionLike:
    """`QPushButton(...)`: the call returns the instance."""
    returned = get_proper_type(ctx.default_signature.ret_type)
    return _with_properties(ctx.default_signature,
                            returned if isinstance(returned, Instance) else None)


def _init(ctx: MethodSigContext) -> FunctionLike:
    """`super().__init__(...)` in a subclass of a Qt class."""
    owner = get_proper_type(ctx.type)
    return _with_properties(ctx.default_signature, owner if isinstance(owner, Instance) else None)


class PySide6Properties(Plugin):
    def get_function_signature_hook(
        self, fullname: str
    ) -> Callable[[FunctionSigContext], FunctionLike] | None:
        return _constructor if fullname.startswith("PySide6.") else None

    def get_method_signature_hook(
        self, fullname: str
    ) -> Callable[[MethodSigContext], FunctionLike] | None:
        return _init if fullname.startswith("PySide6.") and fullname.endswith(".__init__") else None


def plugin(version: str) -> type[Plugin]:
    return PySide6Properties
