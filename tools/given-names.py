#!/usr/bin/env python3
"""Writes data/given-names.txt: the given names of every locale of Faker's
person providers (MIT License), lowercase, one a line, sorted. With `female`
or `male` after the folder, writes only the names Faker gives to that sex
and never to the other (data/given-names-female.txt, -male.txt).

Usage: pip download --no-deps Faker==40.63.0 && unzip Faker-*.whl -d faker-src
       python3 tools/given-names.py faker-src > data/given-names.txt
       python3 tools/given-names.py faker-src female > data/given-names-female.txt
       python3 tools/given-names.py faker-src male > data/given-names-male.txt
"""
import importlib, os, re, sys, unicodedata

sys.path.insert(0, sys.argv[1])
ATTRS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
SEXES = {"female": "first_names_female", "male": "first_names_male"}
sex = sys.argv[2] if len(sys.argv) > 2 else None
names = set()
by_attr = {attr: set() for attr in ATTRS}
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
                    by_attr[attr].add(part)
if sex:
    other = SEXES["male" if sex == "female" else "female"]
    names = by_attr[SEXES[sex]] - by_attr[other]
sys.stdout.write("".join(n + "\n" for n in sorted(names)))
