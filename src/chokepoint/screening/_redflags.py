"""The red flags an order line can show by itself: countries, dates, e-mail, consignees, goods.

One small check per rule of ``data/red_flags.yaml`` (RF numbers of the red-flag digest; CP-DEST is
chokepoint's own); a rule missing from the rule book is not checked. Goods facts (CHPL tier, HS code,
catalogue hits) come from :class:`chokepoint.goods.GoodsScreener`; transshipment points from
``chokepoint.goods``; the Global Export Control Coalition and UAV item kinds from ``data/``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from typing import TypeVar

from followthemoney.types import registry

from chokepoint.goods import GoodsResult, Jurisdiction, chpl_entries
from chokepoint.screening._alerts import Finding
from chokepoint.screening._keys import catalogue_id, goods_basis, goods_key, party_key
from chokepoint.screening._orders import OrderLine
from chokepoint.screening._rules import RuleBook, UavCategory

__all__ = ["RedFlags", "chpl_text", "country_name"]

Check = Callable[[OrderLine, GoodsResult | None, list[Finding]], None]


def country_name(code: str) -> str:
    return f"{registry.country.names.get(code, code.upper())} ({code.upper()})"


T = TypeVar("T")
_NONE = object()


def _word(pattern: re.Pattern[str], name: str) -> str:
    match = pattern.search(party_key(name))
    return match.group(0) if match else ""


def _words(words: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(str(w).lower()) for w in words)
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")


def chpl_text(goods: GoodsResult | None, *, full: bool = False) -> str:
    """ "CHPL tier 1 item (HS 854231)" (``full``: with how the code was known and what it covers),
    or "" when the line's goods are not on the CHPL."""
    if goods is None or not goods.chpl_tier:
        return ""
    if not full:
        return f"CHPL tier {goods.chpl_tier} item (HS {goods.hs_code})"
    entry = chpl_entries(goods.hs_code)
    label = entry[0].description if entry else ""
    how = "declared" if goods.hs_source == "declared" else f"guessed from the {goods.hs_source}"
    return f"HS {goods.hs_code} ({how}) is CHPL tier {goods.chpl_tier}: {label}"


class RedFlags:
    """Evaluates the rule book's line-level rules on one order line."""

    def __init__(
        self,
        rules: RuleBook,
        jurisdictions: dict[str, Jurisdiction],
        gecc: dict[str, str],
        categories: tuple[UavCategory, ...],
    ) -> None:
        self.rules = rules
        self.transshipment = {code.lower(): j for code, j in jurisdictions.items()}
        self.gecc = gecc
        self.categories = categories
        checks: dict[str, Check] = {
            "CP-DEST": self._dest, "RF-11": self._rf11, "RF-14": self._rf14, "RF-19": self._rf19,
            "RF-20": self._rf20, "RF-21": self._rf21, "RF-27": self._rf27, "RF-29": self._rf29,
            "RF-30": self._rf30,
        }  # fmt: skip
        self.checks = [check for rule, check in checks.items() if rule in rules.rules]
        params = {rid: rule.params for rid, rule in rules.rules.items()}
        self.embargoed = set(params.get("CP-DEST", {}).get("countries", ()))
        self.free_mail = tuple(str(d).lower() for d in params.get("RF-14", {}).get("domains", ()))
        self.company = _words(params.get("RF-14", {}).get("company_words", ()) or ["llc"])
        self.forwarder = _words(params.get("RF-19", {}).get("words", ()) or ["freight"])
        self.trading = _words(params.get("RF-20", {}).get("words", ()) or ["general trading"])
        self.tiers = {str(t) for t in params.get("RF-29", {}).get("tiers", ("1", "2"))}
        after = params.get("RF-11", {}).get("after", "2022-02-24")
        self.after = after if isinstance(after, date) else date.fromisoformat(str(after))
        self._memo: dict[tuple[object, ...], object] = {}
        """Answers that depend on one or two cells only (e-mail domains, names, goods lines)."""

    def _cached(self, key: tuple[object, ...], compute: Callable[[], T]) -> T:
        value = self._memo.get(key, _NONE)
        if value is _NONE:
            if len(self._memo) > 500_000:
                self._memo.clear()
            value = self._memo[key] = compute()
        return value  # type: ignore[return-value]

    def evaluate(self, line: OrderLine, goods: GoodsResult | None) -> list[Finding]:
        found: list[Finding] = []
        for check in self.checks:
            check(line, goods, found)
        return found

    def _add(self, found: list[Finding], rule: str, text: str, **kw: object) -> None:
        weight = kw.pop("weight", None)
        found.append(Finding(rule, self.rules[rule].weight if weight is None else weight, text, **kw))  # type: ignore[arg-type]

    def _dest(self, line: OrderLine, goods: GoodsResult | None, found: list[Finding]) -> None:
        for column in ("end_use_country", "ship_to_country"):
            code = getattr(line, column)
            if code in self.embargoed:
                role = column.removesuffix("_country").replace("_", "-")
                text = f"{role} country is {country_name(code)}, under embargo"
                self._add(found, "CP-DEST", text)

    def _rf11(self, line: OrderLine, goods: GoodsResult | None, found: list[Finding]) -> None:
        chpl = chpl_text(goods)
        if line.buyer_incorporated and chpl and line.buyer_incorporated > self.after:
            when = line.buyer_incorporated.isoformat()
            text = f"buyer incorporated {when}, after {self.after.isoformat()}, orders a {chpl}"
            self._add(found, "RF-11", text)

    def _rf14(self, line: OrderLine, goods: GoodsResult | None, found: list[Finding]) -> None:
        domain = line.buyer_email.rpartition("@")[2].lower().strip()
        if not domain or not line.buyer:
            return
        if self._cached(("mail", domain), lambda: self._free_mail(domain)) and self._cached(
            ("company", line.buyer), lambda: bool(self.company.search(party_key(line.buyer)))
        ):
            text = f"company buyer {line.buyer!r} writes from a personal e-mail ({domain})"
            self._add(found, "RF-14", text)

    def _free_mail(self, domain: str) -> bool:
        return any(domain == d or (d.startswith(".") and d in f".{domain}.") for d in self.free_mail)

    def _named(self, line: OrderLine, pattern: re.Pattern[str]) -> Iterable[tuple[str, str, str]]:
        for column in ("consignee", "end_user"):
            name = getattr(line, column)
            word = self._cached((pattern.pattern, name), partial(_word, pattern, name)) if name else ""
            if word:
                yield column.replace("_", " "), name, word

    def _rf19(self, line: OrderLine, goods: GoodsResult | None, found: list[Finding]) -> None:
        for role, name, word in self._named(line, self.forwarder):
            self._add(found, "RF-19", f"{role} {name!r} is a freight forwarder or logistics firm ({word!r})")

    def _rf20(self, line: OrderLine, goods: GoodsResult | None, found: list[Finding]) -> None:
        for role, name, word in self._named(line, self.trading):
            self._add(found, "RF-20", f"{role} {name!r} is a trading house or mail centre ({word!r})")
        home = line.buyer_country or line.ship_to_country
        elsewhere = line.end_use_country and home and line.end_use_country != home
        if elsewhere and line.end_user and line.buyer and party_key(line.end_user) != party_key(line.buyer):
            text = (
                f"end user {line.end_user!r} is not the buyer {line.buyer!r} and is in "
                f"{country_name(line.end_use_country)}, the buyer in {country_name(home)}"
            )
            self._add(found, "RF-20", text)

    def _rf21(self, line: OrderLine, goods: GoodsResult | None, found: list[Finding]) -> None:
        place = self.transshipment.get(line.ship_to_country)
        chpl = chpl_text(goods)
        if place is not None and chpl:
            where = country_name(line.ship_to_country)
            text = f"{chpl} shipped to {where}, a transshipment point ({place.source})"
            self._add(found, "RF-21", text.replace(";", ","))

    def _rf27(self, line: OrderLine, goods: GoodsResult | None, found: list[Finding]) -> None:
        payer = line.payment_origin_country
        known = {c for c in (line.buyer_country, line.ship_to_country) if c}
        if payer and known and payer not in known:
            where = " and ".join(country_name(c) for c in sorted(known))
            self._add(found, "RF-27", f"payment from {country_name(payer)}, a third country to {where}")

    def _rf29(self, line: OrderLine, goods: GoodsResult | None, found: list[Finding]) -> None:
        if goods is None or goods.chpl_tier not in self.tiers:
            return
        for column in ("ship_to_country", "end_use_country", "buyer_country"):
            code = getattr(line, column)
            if code and code not in self.gecc:
                role = column.removesuffix("_country").replace("_", "-")
                text = f"{chpl_text(goods)} for a {role} in {country_name(code)}, "
                text += "outside the Global Export Control Coalition"
                self._add(found, "RF-29", text)
                return

    def _rf30(self, line: OrderLine, goods: GoodsResult | None, found: list[Finding]) -> None:
        if goods is not None:
            key = ("rf30", line.part_number, line.manufacturer, line.description, line.hs_code)
            found.extend(self._cached(key, lambda: self._uav(line, goods)))

    def _uav(self, line: OrderLine, goods: GoodsResult) -> list[Finding]:
        found: list[Finding] = []
        rule = self.rules["RF-30"]
        key = goods_key(line.part_number, line.manufacturer) if goods.hits else ""
        for hit in goods.hits:
            pair = ("goods", key, catalogue_id(hit.part_number, hit.manufacturer))
            weight = float(rule.params.get("catalogue_weight", rule.weight)) * hit.confidence
            target = {"catalogue_part": hit.part_number, "manufacturer": hit.manufacturer, "level": hit.level}
            text = f"{hit.level} match {hit.confidence:.2f}: {hit.explanation}"
            basis = goods_basis(hit.components)
            self._add(
                found, "RF-30", text, weight=weight, column="goods", pair=pair, basis=basis, target=target
            )
        kind = goods.hits[0].components[0].component_type if goods.hits else ""
        text = f"{line.description} {kind}".lower()
        for category in self.categories:
            code = goods.hs_code
            by_hs = len(code) >= 6 and any(code.startswith(h) for h in category.hs)
            if by_hs or category.pattern.search(text):
                how = f"HS {code}" if by_hs else "described as such"
                text = f"{category.category} ({how}), an item kind the Iran UAV advisory names"
                self._add(found, "RF-30", text)
                break
        return found
