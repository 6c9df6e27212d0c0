#!/usr/bin/env python3
"""Writes data/given-names.txt: the given names of every locale of Faker's
person providers (MIT License), lowercase, one a line, sorted.

Usage: pip download --no-deps Faker==40.63.0 && unzip Faker-*.whl -d faker-src
       python3 tools/given-names.py faker-src > data/given-names.txt
"""
import importlib, os, re, sys, unicodedata

sys.path.insert(0, sys.argv[1])
ATTRS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
names = set()
base = os.path.join(sys.argv[1], "faker", "providers", "person")
for loc in sorted(os.listdir(base)):
    if loc.startswith("_") or not os.path.isdir(os.path.join(base, loc)):
        continue
    provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
    for attr in ATTRS:
        value = next((k.__dict__[attr] for k in provider.__mro__ if attr in k.__dict__), None)
        if not value or isinstance(value, property) or callable(value):
            continue
        for name in (value.keys() if hasattr(value, "keys") else value):
            for part in str(name).split():
                part = unicodedata.normalize("NFC", part).casefold()
                if len(part) >= 2 and all(c.isalpha() or c in "-'" for c in part):
                    names.add(part)
sys.stdout.write("".join(n + "\n" for n in sorted(names)))
