"""`python -m yinglie schema`: a JSON Schema for the files of every record kind in
kinds.KINDS, and each kind's example file is valid under its schema.

The schemas are checked by a small validator of the keywords the export uses (below);
an export that starts using another keyword fails here until the validator knows it.
When the `jsonschema` package happens to be installed, it checks them too (the project
does not depend on it).
"""

from __future__ import annotations

import contextlib
import io
import json
import re

import pytest
import yaml

from conftest import ROOT

from yinglie.__main__ import main
from yinglie.kinds import KINDS, RecordKind
from yinglie.martyrs import MARTYR
from yinglie.schema import FieldKind, Schema

try:
    import jsonschema
except ImportError:  # not a dependency of the project
    jsonschema = None

ANNOTATIONS = {"$schema", "title", "description", "format", "contentMediaType"}
TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def problems(schema: dict, value, at: str = "$") -> list[str]:
    """Where `value` breaks `schema`: the draft 2020-12 keywords the export uses."""
    unknown = set(schema) - ANNOTATIONS - {
        "type", "enum", "minLength", "maxLength", "pattern", "minimum", "maximum", "required", "properties",
        "additionalProperties", "propertyNames", "items", "minItems", "oneOf",
    }
    assert not unknown, f"the test's validator does not know {sorted(unknown)} (at {at})"
    found = []
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(TYPES[name](value) for name in types):
            return [f"{at}: not of type {types}: {value!r}"]
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{at}: {value!r} not in the list")
    if isinstance(value, str):
        if "minLength" in schema and len(value) < schema["minLength"]:
            found.append(f"{at}: shorter than {schema['minLength']}")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            found.append(f"{at}: longer than {schema['maxLength']}")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            found.append(f"{at}: does not match {schema['pattern']}")
    if TYPES["integer"](value):
        if value < schema.get("minimum", value) or value > schema.get("maximum", value):
            found.append(f"{at}: {value} out of range")
    if isinstance(value, dict):
        found += [f"{at}: lacks {name}" for name in schema.get("required", []) if name not in value]
        properties = schema.get("properties", {})
        for key, item in value.items():
            if "propertyNames" in schema:
                found += problems(schema["propertyNames"], key, f"{at}.{key} (name)")
            if key in properties:
                found += problems(properties[key], item, f"{at}.{key}")
            elif schema.get("additionalProperties") is False:
                found.append(f"{at}: unknown field {key}")
            elif isinstance(schema.get("additionalProperties"), dict):
                found += problems(schema["additionalProperties"], item, f"{at}.{key}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            found.append(f"{at}: fewer than {schema['minItems']} items")
        if "items" in schema:
            for index, item in enumerate(value):
                found += problems(schema["items"], item, f"{at}[{index}]")
    if "oneOf" in schema:
        matching = [option for option in schema["oneOf"] if not problems(option, value, at)]
        if len(matching) != 1:
            found.append(f"{at}: matches {len(matching)} of oneOf, not exactly one")
    return found


@pytest.fixture(scope="module")
def exported() -> dict:
    """`python -m yinglie schema` under the project's own mkdocs.yml."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["schema", "--config-file", str(ROOT / "mkdocs.yml")]) == 0
    return json.loads(out.getvalue())


def valid(schema: dict, value) -> list[str]:
    found = problems(schema, value)
    if jsonschema is not None:
        refused = [error.message for error in jsonschema.Draft202012Validator(schema).iter_errors(value)]
        assert bool(refused) == bool(found), (refused, found)  # the two validators agree
    return found


def test_every_kind_is_exported_by_name(exported):
    assert list(exported) == [kind.name for kind in KINDS]
    for schema in exported.values():
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        if jsonschema is not None:
            jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_the_example_of_every_kind_is_valid_under_its_schema(kind: RecordKind, exported):
    assert valid(exported[kind.name], yaml.safe_load(kind.example)) == []


def test_the_schemas_refuse_what_check_refuses(exported):
    by_name = {kind.name: yaml.safe_load(kind.example) for kind in KINDS}
    martyr = exported["martyr"]
    assert valid(martyr, {**by_name["martyr"], "nmae": "x"}) == ["$: unknown field nmae"]
    assert valid(martyr, {"name": "测试烈士"}) == ["$: lacks sources"]
    assert valid(martyr, {**by_name["martyr"], "sources": []}) == ["$.sources: fewer than 1 items"]
    assert valid(martyr, {**by_name["martyr"], "period": "未来"}) == ["$.period: '未来' not in the list"]
    assert valid(martyr, {**by_name["martyr"], "born": "1927年4月"}) == []
    assert valid(martyr, {**by_name["martyr"], "born": {"date": 1927, "original": "民国十六年"}}) == []
    assert valid(martyr, {**by_name["martyr"], "born": "去年"}) != []
    # A notice file is a list of notices; a single notice is not a notice file.
    assert valid(exported["notice"], by_name["notice"][0]) == ["$: not of type ['array']: " + repr(by_name["notice"][0])]
    assert valid(exported["notice"], [{**by_name["notice"][0], "year": True}]) != []
    # A totals file: its `totals` names only configured award classes, with whole numbers.
    assert valid(exported["totals"], {"total": 1, "totals": {"三等功": 1}}) == []
    assert valid(exported["totals"], {"total": 1}) == ["$: lacks totals"]
    assert valid(exported["totals"], {"totals": {"四等功": 1}}) == ["$.totals.四等功 (name): '四等功' not in the list"]
    assert valid(exported["totals"], {"totals": {"三等功": -1}}) == ["$.totals.三等功: -1 out of range"]


def test_one_kind_alone(capsys):
    assert main(["schema", "martyr", "--config-file", str(ROOT / "mkdocs.yml")]) == 0
    alone = json.loads(capsys.readouterr().out)
    assert alone["title"] == MARTYR.title and alone["required"] == ["name", "sources"]


def test_every_field_kind_is_a_class():
    """No field of any kind's schema, nested ones too, is declared with a kind string."""
    def fields(schema: Schema):
        for spec in schema.fields:
            yield spec
            if spec.schema is not None:
                yield from fields(spec.schema)

    for kind in KINDS:
        for spec in fields(kind.schema):
            assert isinstance(spec.kind, FieldKind), (kind.name, spec.name, spec.kind)
