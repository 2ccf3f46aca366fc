"""Part-numbering conventions: which suffixes are packaging, which are package/temperature codes.

Reads ``data/part_conventions.yaml`` (written by chokepoint from the manufacturers' ordering
guides). A :class:`Convention` is chosen by the manufacturer when the table knows it, else by the
part number's prefix, else the generic one; every regex runs on the normalised part number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from chokepoint.errors import InputError
from chokepoint.goods._refdata import DATA, load_yaml

__all__ = ["Convention", "Conventions", "Rule", "conventions"]


@dataclass(frozen=True, slots=True)
class Rule:
    pattern: re.Pattern[str]
    label: str
    template: str = ""
    """Replacement template (``W\\1``) used instead of the named group."""
    final: bool = False
    """Ordering rules: stop when this one matches."""

    def pick(self, match: re.Match[str], group: str) -> str:
        return match.expand(self.template) if self.template else match.group(group)


@dataclass(frozen=True, slots=True)
class Convention:
    id: str
    label: str
    prefixes: tuple[re.Pattern[str], ...]
    packaging: tuple[Rule, ...]
    """Own packaging rules, then the generic ones."""
    ordering: tuple[Rule, ...]
    letters: int
    """Trailing letters after the last digit that may be stripped as a package/temperature code."""


@dataclass(frozen=True, slots=True)
class Conventions:
    generic: Convention
    by_id: dict[str, Convention]
    families: tuple[Rule, ...]

    prefixes: re.Pattern[str]
    """Every convention's prefixes in one alternation, group ``c<i>`` for the i-th convention."""
    family_alternation: re.Pattern[str]
    """The family rules in one anchored alternation, group ``f<i>`` for rule i (tried in order)."""

    def family(self, base: str) -> tuple[str, str]:
        """(family key text, rule label) of the first family rule that fits ``base``, or ("", "")."""
        match = self.family_alternation.match(base)
        if match is None:
            return "", ""
        name = match.lastgroup or ""
        rule = self.families[int(name[1:])]
        if rule.template:
            offset = self.family_alternation.groupindex[name]
            template = re.sub(r"\\(\d)", lambda m: f"\\g<{offset + int(m.group(1))}>", rule.template)
            return match.expand(template), rule.label
        return match.group(f"{name}_family"), rule.label

    def choose(self, text: str, convention_id: str = "") -> Convention:
        """The manufacturer's convention if given, else the first whose prefix fits ``text``."""
        if convention_id and convention_id in self.by_id:
            return self.by_id[convention_id]
        match = self.prefixes.match(text)
        if match is None:
            return self.generic
        return list(self.by_id.values())[int(match.lastgroup[1:])]  # type: ignore[index]


def _rule(item: Any, where: str, path: object) -> Rule:
    try:
        return Rule(
            re.compile(item["re"]),
            str(item.get("label", "")),
            str(item.get("base") or item.get("key") or ""),
            bool(item.get("final", False)),
        )
    except (KeyError, TypeError, AttributeError, re.error) as exc:
        raise InputError(f"{where}: malformed rule ({exc})", path=path) from None


@cache
def conventions() -> Conventions:
    """The bundled conventions, compiled (read once)."""
    path = DATA / "part_conventions.yaml"
    data = load_yaml(path) or {}
    try:
        generic_data, items, family_items = data["generic"], data["conventions"], data["families"]
    except (KeyError, TypeError):
        raise InputError("needs the keys generic, conventions and families", path=path) from None
    generic_packaging = tuple(_rule(r, "generic packaging", path) for r in generic_data.get("packaging", ()))
    generic = Convention("generic", "", (), generic_packaging, (), int(generic_data.get("letters", 0)))
    by_id: dict[str, Convention] = {}
    for item in items:
        cid = str(item.get("id", ""))
        if not cid or cid in by_id:
            raise InputError(f"convention {cid!r}: missing or repeated id", path=path)
        try:
            prefixes = tuple(re.compile(p) for p in item.get("prefixes", ()))
        except re.error as exc:
            raise InputError(f"convention {cid}: bad prefix ({exc})", path=path) from None
        packaging = tuple(_rule(r, cid, path) for r in item.get("packaging", ()))
        ordering = tuple(_rule(r, cid, path) for r in item.get("ordering", ()))
        letters = int(item.get("letters", generic.letters))
        by_id[cid] = Convention(
            cid, str(item.get("label", cid)), prefixes, packaging + generic_packaging, ordering, letters
        )
    families = tuple(_rule(r, "families", path) for r in family_items)
    alternation = "|".join(
        f"(?P<c{i}>{'|'.join(f'(?:{p.pattern})' for p in c.prefixes)})"
        for i, c in enumerate(by_id.values())
        if c.prefixes
    )
    family_alternation = "|".join(
        f"(?P<f{i}>{r.pattern.pattern.removeprefix('^').replace('(?P<family>', f'(?P<f{i}_family>')})"
        for i, r in enumerate(families)
    )
    return Conventions(
        generic, by_id, families, re.compile(alternation or "(?!)"), re.compile(family_alternation or "(?!)")
    )
