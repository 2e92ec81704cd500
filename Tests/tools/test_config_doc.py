"""docs/config.md documents exactly the keys of the schema `smgen schema` prints.

The convention of docs/config.md that this test reads:

- Every key has a heading (any level) whose only text is its backticked path, e.g.
  ### `teams.<team>.projects.<project>.short`
  `.` separates levels, `<name>` stands for an entry of a map (any placeholder name; the
  schema's `additionalProperties` or `patternProperties`), `[]` for an item of a list of
  mappings (`overrides[].stack`). A heading with backticks must be exactly one such path.
- Under the heading, until the next heading: a list of fields `- Name: text` (a field may
  wrap onto lines indented by two spaces), at least one ```yaml example that contains the
  key, and free text. Fields: Type, Required, Default and Rule (in every entry); Pattern,
  Key pattern (the name of a map entry), Item pattern (each item of a list), Range and
  Allowed values (where the schema has them). Values are backticked.

Checked against the schema: every schema path has an entry and every entry (and every
backticked key path anywhere in the prose) is a schema path; Type, Required (yes/no),
patterns, ranges and allowed values (`enum`, `const`) match; the reserved tag keys and the
top-level table match; the configs under "Full example" pass `smgen validate` and the schema.
"""
import json
import re

import jsonschema
import pytest
import yaml

from conftest import ROOT

DOC = ROOT / "docs/config.md"
ANY = "<*>"
FIELDS = {"Type", "Required", "Default", "Rule", "Pattern", "Key pattern", "Item pattern", "Range", "Allowed values"}
MANDATORY = {"Type", "Required", "Default", "Rule"}
TYPE_WORDS = {"object": "mapping", "array": "list", "string": "string", "integer": "integer",
              "number": "number", "boolean": "boolean", "null": "null"}


# --- the schema -------------------------------------------------------------------------

def resolve(root, node):
    """`node` with local `$ref`s followed (sibling keys kept)."""
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/"), f"only local $refs are supported, found {ref}"
        target = root
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def branches(root, node):
    """`node` and the subschemas of its allOf/anyOf/oneOf, which may add properties."""
    node = resolve(root, node)
    found = [node]
    for key in ("allOf", "anyOf", "oneOf"):
        for sub in node.get(key, []):
            found += branches(root, sub)
    return found


class Key:
    """One key path of the schema: its schema, the mapping that holds it, how it is held."""

    def __init__(self, node, parent, kind, name=None, key_pattern=None):
        self.node, self.parent, self.kind, self.name, self.key_pattern = node, parent, kind, name, key_pattern


def schema_keys(root):
    keys = {}

    def add(path, key):
        keys.setdefault(path, key)
        visit(path, key.node)

    def visit(path, node):
        for part in branches(root, node):
            for name, sub in part.get("properties", {}).items():
                add(f"{path}.{name}" if path else name, Key(resolve(root, sub), part, "property", name=name))
            names = resolve(root, part.get("propertyNames", {}))
            extra = part.get("additionalProperties")
            if isinstance(extra, dict):
                add(f"{path}.{ANY}", Key(resolve(root, extra), part, "entry", key_pattern=names.get("pattern")))
            for pattern, sub in part.get("patternProperties", {}).items():
                add(f"{path}.{ANY}", Key(resolve(root, sub), part, "entry", key_pattern=pattern))
            items = part.get("items")
            if isinstance(items, dict):
                items = resolve(root, items)
                if any("properties" in b or isinstance(b.get("additionalProperties"), dict) or "patternProperties" in b
                       for b in branches(root, items)):
                    add(f"{path}[]", Key(items, part, "item"))

    visit("", root)
    return keys


def scalar_text(value):
    """A schema value as the doc writes it (JSON spelling)."""
    return value if isinstance(value, str) else json.dumps(value)


def allowed_values(node):
    if "enum" in node:
        return [scalar_text(v) for v in node["enum"]]
    if "const" in node:
        return [scalar_text(node["const"])]
    return None


def type_words(root, node):
    """The doc's words for the types a key takes; None for any value."""
    def of_value(value):
        if isinstance(value, bool):
            return "boolean"
        if isinstance(value, int):
            return "integer"
        if isinstance(value, float):
            return "number"
        if value is None:
            return "null"
        return {str: "string", list: "list", dict: "mapping"}[type(value)]

    node = resolve(root, node)
    if "type" in node:
        types = node["type"] if isinstance(node["type"], list) else [node["type"]]
        return {TYPE_WORDS[t] for t in types}
    values = node.get("enum", [node["const"]] if "const" in node else None)
    if values is not None:
        return {of_value(v) for v in values}
    found = set()
    for key in ("anyOf", "oneOf"):
        for sub in node.get(key, []):
            words = type_words(root, sub)
            if words is None:
                return None
            found |= words
    return found or None


# --- the doc ----------------------------------------------------------------------------

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
KEY_HEADING = re.compile(r"^`([^`\s]+)`$")
FIELD = re.compile(r"^- ([A-Z][A-Za-z ]*?): (.*)$")
CODE = re.compile(r"`([^`]+)`")


def normalise(path):
    return re.sub(r"<[^<>]+>", ANY, path)


class Entry:
    def __init__(self, path, line):
        self.path, self.line = path, line
        self.fields, self.examples, self.problems = {}, [], []


def read_doc(text):
    """The key entries of the doc, the sections by heading text, and its prose (outside code blocks)."""
    entries, sections, prose = [], {}, []
    entry, section, fence, field = None, None, None, None
    for number, line in enumerate(text.splitlines(), 1):
        if fence is not None:
            if line.startswith("```"):
                if entry is not None and fence[0] == "yaml":
                    entry.examples.append("\n".join(fence[1]))
                if section is not None:
                    sections[section].append(("code", fence[0], "\n".join(fence[1])))
                fence = None
            else:
                fence[1].append(line)
            continue
        if line.startswith("```"):
            fence = (line[3:].strip(), [])
            field = None
            continue
        prose.append(line)
        heading = HEADING.match(line)
        if heading:
            field = None
            title = heading.group(2)
            key = KEY_HEADING.match(title)
            if key:
                entry = Entry(key.group(1), number)
                entries.append(entry)
                section = None
            else:
                assert "`" not in title, f"docs/config.md:{number}: a heading with code must be only a key path: {title}"
                entry = None
                section = title
                sections[section] = []
            continue
        if section is not None:
            sections[section].append(("text", line))
        if entry is None:
            continue
        match = FIELD.match(line)
        if match:
            name = match.group(1)
            if name not in FIELDS:
                entry.problems.append(f"unknown field '{name}' at line {number}")
            elif name in entry.fields:
                entry.problems.append(f"field '{name}' twice")
            entry.fields[name] = match.group(2)
            field = name
        elif field and line.startswith("  ") and line.strip():
            entry.fields[field] += " " + line.strip()
        else:
            field = None
    assert fence is None, "docs/config.md: a code block is not closed"
    return entries, sections, prose


def codes(text):
    return CODE.findall(text)


def contains(document, segments):
    """True when `document` (parsed YAML) holds the key path `segments`."""
    if not segments:
        return True
    head, rest = segments[0], segments[1:]
    if head == "[]":
        return isinstance(document, list) and any(contains(item, rest) for item in document)
    if not isinstance(document, dict):
        return False
    if head == ANY:
        return any(contains(value, rest) for value in document.values())
    return head in document and contains(document[head], rest)


def segments(path):
    return [part for part in re.split(r"\.|(\[\])", path) if part]


# --- fixtures ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def schema(smgen):
    return json.loads(smgen("schema").stdout)


@pytest.fixture(scope="module")
def keys(schema):
    return schema_keys(schema)


@pytest.fixture(scope="module")
def doc():
    assert DOC.exists(), "docs/config.md is missing"
    return read_doc(DOC.read_text())


@pytest.fixture(scope="module")
def entries(doc):
    found = {}
    for entry in doc[0]:
        path = normalise(entry.path)
        assert path not in found, f"docs/config.md:{entry.line}: `{entry.path}` is documented twice"
        found[path] = entry
    return found


# --- tests ------------------------------------------------------------------------------

def test_the_walk_finds_the_schema(keys):
    # A guard on the walk itself: a schema this test could not read would pass vacuously.
    for path in ["org.company", f"environments.{ANY}.account", f"users.{ANY}.email",
                 f"teams.{ANY}.projects.{ANY}.models.{ANY}.instance_type", "overrides[].stack"]:
        assert path in keys


def test_every_schema_key_is_documented(keys, entries):
    missing = sorted(set(keys) - set(entries))
    assert not missing, "keys of `smgen schema` without an entry in docs/config.md: " + ", ".join(missing)


def test_every_documented_key_is_in_the_schema(keys, entries):
    stale = sorted(entry.path for path, entry in entries.items() if path not in keys)
    assert not stale, "docs/config.md documents keys `smgen schema` does not have: " + ", ".join(stale)


def test_key_paths_in_the_prose_exist(schema, keys, doc):
    top = set(schema["properties"])
    unknown = set()
    wrapped = [line for line in doc[2] if line.count("`") % 2]
    assert not wrapped, "docs/config.md: keep each `code` on one line (this test reads them line by line): " + "; ".join(wrapped)
    for line in doc[2]:
        for code in codes(line):
            path = code.split(":")[0].strip()
            first = re.split(r"[.\[]", path)[0]
            if first in top and re.fullmatch(r"[\w<>.\[\]-]+", path) and normalise(path) not in keys:
                unknown.add(code)
    assert not unknown, "docs/config.md names keys `smgen schema` does not have: " + ", ".join(sorted(unknown))


def test_entries_have_their_fields_and_an_example(entries):
    problems = []
    for path, entry in entries.items():
        where = f"`{entry.path}` (line {entry.line})"
        problems += [f"{where}: {p}" for p in entry.problems]
        for name in sorted(MANDATORY - set(entry.fields)):
            problems.append(f"{where}: no '- {name}:' field")
        if not entry.examples:
            problems.append(f"{where}: no ```yaml example")
        parsed = []
        for example in entry.examples:
            try:
                parsed.append(yaml.safe_load(example))
            except yaml.YAMLError as error:
                problems.append(f"{where}: an example is not YAML: {error}")
        if entry.examples and not any(contains(document, segments(path)) for document in parsed):
            problems.append(f"{where}: no example contains the key")
    assert not problems, "\n".join(problems)


def documented(keys, entries):
    """Each schema key that has an entry in the doc, with that entry."""
    for path, key in keys.items():
        if path in entries:
            yield key, entries[path]


def test_types_match(schema, keys, entries):
    problems = []
    for key, entry in documented(keys, entries):
        if "Type" not in entry.fields:
            continue
        text = entry.fields["Type"]
        written = set(re.findall(r"\b(mapping|list|string|integer|number|boolean|null)\b", text))
        expected = type_words(schema, key.node)
        if expected is None:
            if written or not re.search(r"\bany\b", text):
                problems.append(f"`{entry.path}`: any value in the schema, but Type says '{text}'")
        elif written != expected:
            problems.append(f"`{entry.path}`: Type '{text}', the schema says {sorted(expected)}")
    assert not problems, "\n".join(problems)


def test_required_matches(keys, entries):
    problems = []
    for key, entry in documented(keys, entries):
        if key.kind != "property" or "Required" not in entry.fields:
            continue
        word = entry.fields["Required"].split()[0].strip(",;").lower()
        required = key.name in key.parent.get("required", [])
        if word not in ("yes", "no"):
            problems.append(f"`{entry.path}`: Required must start with yes or no")
        elif (word == "yes") != required:
            problems.append(f"`{entry.path}`: Required '{word}', the schema says {'yes' if required else 'no'}")
    assert not problems, "\n".join(problems)


def single_code(entry, field):
    values = codes(entry.fields[field])
    return values[0] if len(values) == 1 else f"<{len(values)} backticked values>"


def test_patterns_match(schema, keys, entries):
    problems = []
    for key, entry in documented(keys, entries):
        items = resolve(schema, key.node.get("items", {})) if isinstance(key.node.get("items"), dict) else {}
        expected = {"Pattern": key.node.get("pattern"), "Item pattern": items.get("pattern"), "Key pattern": key.key_pattern}
        for field, pattern in expected.items():
            if pattern is None and field in entry.fields:
                problems.append(f"`{entry.path}`: {field} listed, but the schema has none")
            elif pattern is not None and field not in entry.fields:
                problems.append(f"`{entry.path}`: no '- {field}:' field; the schema's is `{pattern}`")
            elif pattern is not None and single_code(entry, field) != pattern:
                problems.append(f"`{entry.path}`: {field} `{single_code(entry, field)}`, the schema's is `{pattern}`")
    assert not problems, "\n".join(problems)


def test_ranges_match(keys, entries):
    problems = []
    for key, entry in documented(keys, entries):
        bounds = [scalar_text(key.node[b]) for b in ("minimum", "maximum") if b in key.node]
        written = codes(entry.fields["Range"]) if "Range" in entry.fields else []
        if written != bounds:
            problems.append(f"`{entry.path}`: Range {written or 'missing'}, the schema says {bounds or 'none'}")
    assert not problems, "\n".join(problems)


def test_allowed_values_match(keys, entries):
    problems = []
    for key, entry in documented(keys, entries):
        expected = allowed_values(key.node)
        written = codes(entry.fields["Allowed values"]) if "Allowed values" in entry.fields else None
        if expected is None and written is not None:
            problems.append(f"`{entry.path}`: Allowed values listed, but the schema has no enum")
        elif expected is not None and written is None:
            problems.append(f"`{entry.path}`: no '- Allowed values:' field; the schema allows {expected}")
        elif expected is not None and (sorted(written) != sorted(expected)):
            extra = sorted(set(written) - set(expected))
            absent = sorted(set(expected) - set(written))
            problems.append(f"`{entry.path}`: Allowed values differ from the schema: not in the schema {extra}, missing {absent}"
                            + (", or listed twice" if not extra and not absent else ""))
    assert not problems, "\n".join(problems)


def table_first_cells(section):
    rows = [line for kind, *rest in section if kind == "text" for line in rest if line.startswith("| `")]
    return [(codes(row.split("|")[1])[0], [cell.strip() for cell in row.strip().strip("|").split("|")]) for row in rows]


def test_reserved_tag_keys_match(keys, doc):
    sections = doc[1]
    assert "Reserved tag keys" in sections, "docs/config.md has no 'Reserved tag keys' section"
    written = [key for key, _ in table_first_cells(sections["Reserved tag keys"])]
    reserved = keys["org.tags"].node["propertyNames"]["not"]["enum"]
    assert sorted(written) == sorted(reserved), f"reserved tag keys: the doc lists {sorted(written)}, the schema {sorted(reserved)}"


def test_top_level_table_matches(schema, doc):
    sections = doc[1]
    assert "Top-level keys" in sections, "docs/config.md has no 'Top-level keys' section"
    rows = table_first_cells(sections["Top-level keys"])
    assert sorted(key for key, _ in rows) == sorted(schema["properties"])
    for key, cells in rows:
        assert cells[1] == ("yes" if key in schema["required"] else "no"), f"top-level table: `{key}` Required"


def test_full_examples_are_valid(smgen, schema, doc, tmp_path):
    sections = doc[1]
    assert "Full example" in sections, "docs/config.md has no 'Full example' section"
    examples = [text for kind, *rest in sections["Full example"] if kind == "code" and rest[0] == "yaml" for text in rest[1:]]
    assert examples, "the 'Full example' section has no ```yaml block"
    validator = jsonschema.Draft202012Validator(schema)
    for index, text in enumerate(examples):
        path = tmp_path / f"example-{index}.yaml"
        path.write_text(text)
        result = smgen("validate", "-c", str(path), check=False)
        assert result.returncode == 0 and "warning" not in result.stderr, f"example {index}: {result.stderr}"
        errors = [error.message for error in validator.iter_errors(yaml.safe_load(text))]
        assert errors == [], f"example {index}"
