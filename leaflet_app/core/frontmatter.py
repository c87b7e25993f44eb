"""Split a leaflet file into YAML front matter (with the line of every key) and its body."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml


# libyaml's parser when PyYAML has it: loading 4,000 files must stay well under a second.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader, keeping an impossible date such as 2026-13-45 as text."""


def _timestamp(loader: Any, node: yaml.Node) -> Any:
    # PyYAML raises a bare ValueError for a date-shaped value that is no date; as text it
    # reaches the field check, which reports it on its own line.
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


def _int(loader: Any, node: yaml.Node) -> Any:
    # Python refuses to convert integers of more than 4,300 digits (ValueError); no field
    # needs one, so an overlong number stays text and the field check reports it.
    if len(str(node.value)) > 30:
        return loader.construct_scalar(node)
    return loader.construct_yaml_int(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_Loader.add_constructor("tag:yaml.org,2002:int", _int)

MAX_NODES = 2000  # front matter is a few dozen values; more is a mistake or an attack


def excerpt(value: object, limit: int = 40) -> str:
    """A short, printable excerpt of a value for a message: never the whole of a long text."""
    text = value if isinstance(value, str) else repr(value)
    text = "".join(ch if ch.isprintable() else "\ufffd" for ch in text[: limit + 1])
    return text if len(text) <= limit else text[: limit - 1] + "…"


class FrontMatterError(ValueError):
    """Front matter that is missing or not valid YAML; ``line`` is 1-based in the file."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class ItemLines:
    """Where one list item starts, and the line of each key when the item is a mapping."""

    line: int
    keys: dict[str, int] = field(default_factory=dict)
    raw: dict[str, str] = field(default_factory=dict)  # the item's scalar values as written


@dataclass(frozen=True)
class FrontMatter:
    """Front matter values, the file line of each key, and the body that follows."""

    values: dict[str, Any]
    lines: dict[str, int]
    body: str
    body_line: int  # file line number of the body's first line
    raw: dict[str, str] = field(default_factory=dict)  # scalar values as written, e.g. "1.10"
    duplicates: tuple[tuple[int, str], ...] = ()  # (line, key) of keys written twice
    items: dict[str, tuple[ItemLines, ...]] = field(default_factory=dict)  # list key -> its items

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)

    def item_line(self, key: str, index: int, item_key: str | None = None) -> int:
        """The line of item ``index`` of list ``key`` (of its ``item_key`` if given and written)."""
        items = self.items.get(key, ())
        if index >= len(items):
            return self.line_of(key)
        item = items[index]
        return item.keys.get(item_key, item.line) if item_key else item.line


def split_front_matter(text: str) -> FrontMatter:
    """Parse ``---``-fenced YAML at the top of ``text``."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError(1, "file must start with front matter between '---' lines")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise FrontMatterError(1, "front matter is not closed by a '---' line") from None
    yaml_text = "\n".join(lines[1:end])
    loader = _Loader(yaml_text)
    try:
        node = loader.get_single_node()
        if node is not None and _has_alias(node):
            raise FrontMatterError(
                _first_alias_line(yaml_text),
                "front matter uses a YAML anchor or alias (& or *); write each value out in full",
            )
        values = loader.construct_document(node) if node is not None else None
    except FrontMatterError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark is not None else 1
        raise FrontMatterError(line, _yaml_message(exc, lines, line)) from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(1, f"front matter is not valid YAML: {excerpt(str(exc), 80)}") from None
    except (ValueError, TypeError, RecursionError) as exc:
        raise FrontMatterError(2, f"front matter could not be read ({type(exc).__name__})") from None
    finally:
        loader.dispose()
    if values is None:
        values, node = {}, None
    if not isinstance(values, dict) or (node is not None and not isinstance(node, yaml.MappingNode)):
        raise FrontMatterError(2, "front matter must be a mapping of 'key: value' lines")
    key_lines: dict[str, int] = {}
    raw: dict[str, str] = {}
    duplicates: list[tuple[int, str]] = []
    items: dict[str, tuple[ItemLines, ...]] = {}
    if node is not None:
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in key_lines:
                duplicates.append((key_node.start_mark.line + 2, key))
            key_lines[key] = key_node.start_mark.line + 2
            if isinstance(value_node, yaml.ScalarNode):
                raw[key] = str(value_node.value)
            elif isinstance(value_node, yaml.SequenceNode):
                items[key] = tuple(_item_lines(item) for item in value_node.value)
    body = "\n".join(lines[end + 1 :])
    return FrontMatter(
        {str(k): v for k, v in values.items()}, key_lines, body, end + 2, raw, tuple(duplicates), items
    )


def _item_lines(node: yaml.Node) -> ItemLines:
    keys: dict[str, int] = {}
    raw: dict[str, str] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = str(key_node.value)
            keys.setdefault(key, key_node.start_mark.line + 2)
            if isinstance(value_node, yaml.ScalarNode):
                raw.setdefault(key, str(value_node.value))
    return ItemLines(node.start_mark.line + 2, keys, raw)


def _has_alias(root: yaml.Node) -> bool:
    """Whether the front matter uses an alias (``*a``). No field needs one, and nested aliases
    expand exponentially (a 600-byte "billion laughs" file). An alias is the same node met
    twice, so this walk stays linear in what was written."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if len(seen) > MAX_NODES:
            raise FrontMatterError(node.start_mark.line + 2, "front matter has too many values")
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                stack.extend((key_node, value_node))
    return False


def _first_alias_line(yaml_text: str) -> int:
    for event in yaml.parse(yaml_text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
            return int(event.start_mark.line) + 2
    return 2


def _yaml_message(exc: yaml.MarkedYAMLError, lines: list[str], line: int) -> str:
    problem = str(exc.problem or exc.context or "")
    if "mapping values are not allowed" in problem:
        # The common case: a colon inside an unquoted title.
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        key = text.split(":", 1)[0].strip()
        return (
            f"'{excerpt(key, 20)}' has a second colon (:) in its value; "
            f'put the value in double quotes, e.g. {excerpt(key, 20)}: "…: …"'
        )
    return f"front matter is not valid YAML: {excerpt(problem, 80)}"
