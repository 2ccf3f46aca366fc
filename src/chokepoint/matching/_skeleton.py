"""Vowel-insensitive consonant skeletons for romanised Persian, Arabic and Russian names.

Equivalence classes: q/gh/g/k/c → k, kh/h → h, w/v/f/ph → f, p/b → b (Arabic has no p),
z/s → s (ز ذ ض ظ), j/dj/zh → j, th/t → t, dh/d → d, x → ks; an h before a consonant or at
the end dropped; vowels (a e i o u y) dropped; doubled letters collapsed. So Qasem,
Ghassem and قاسم (qasm) share ``ksm``; Damavandian and دماوندیان (dmavndian) share
``dmfndn``; Bagheri and Baqeri share ``bkr``.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["skeleton"]

_DIGRAPHS = re.compile(r"shch|sch|tch|kh|gh|ch|sh|zh|dj|ph|th|dh|ck|ts|tz|x|q|g|c|w|v|p|z|j")
_MAP = {
    "shch": "S", "sch": "S", "tch": "C", "ch": "C", "sh": "S", "kh": "h", "gh": "k", "zh": "j",
    "dj": "j", "j": "j", "ph": "f", "th": "t", "dh": "d", "ck": "k", "ts": "ts", "tz": "ts",
    "x": "ks", "q": "k", "g": "k", "c": "k", "w": "f", "v": "f", "p": "b", "z": "s",
}  # fmt: skip
_VOWELS = re.compile(r"[aeiouy]")
_SILENT_H = re.compile(r"h(?=[^aeiouy]|$)")  # John/Juan, Ahmad/احمد, Mohsen/محسن
_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=200_000)
def skeleton(token: str) -> str:
    """The consonant skeleton of a lowercase ASCII token ('' for vowel-only tokens)."""
    if token.isdigit():
        return token
    text = _DIGRAPHS.sub(lambda m: _MAP[m.group(0)], token)
    text = _SILENT_H.sub("", text)
    text = _VOWELS.sub("", text)
    return _REPEATS.sub(r"\1", text)
