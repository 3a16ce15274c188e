"""One entry of the error catalogue: title, message and hint templates."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Entry:
    """A Swedish title, a message template and a hint template (or named hint variants)."""

    title: str
    message: str
    hint: str | None = None
    variants: dict[str, str] = field(default_factory=dict)  # named alternatives to ``hint``

    def hints(self) -> list[str]:
        return ([self.hint] if self.hint else []) + list(self.variants.values())
