"""Split a leaflet file into YAML front matter (with the line of every key) and its body."""

from __future__ import annotations

from dataclasses import dataclass
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


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


class FrontMatterError(ValueError):
    """Front matter that is missing or not valid YAML; ``line`` is 1-based in the file."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class FrontMatter:
    """Front matter values, the file line of each key, and the body that follows."""

    values: dict[str, Any]
    lines: dict[str, int]
    body: str
    body_line: int  # file line number of the body's first line

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)


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
        values = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark is not None else 1
        raise FrontMatterError(line, f"front matter is not valid YAML: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(1, f"front matter is not valid YAML: {exc}") from None
    finally:
        loader.dispose()
    if values is None:
        values, node = {}, None
    if not isinstance(values, dict) or (node is not None and not isinstance(node, yaml.MappingNode)):
        raise FrontMatterError(2, "front matter must be a mapping of 'key: value' lines")
    key_lines: dict[str, int] = {}
    if node is not None:
        for key_node, _ in node.value:
            key_lines[str(key_node.value)] = key_node.start_mark.line + 2
    body = "\n".join(lines[end + 1 :])
    return FrontMatter({str(k): v for k, v in values.items()}, key_lines, body, end + 2)
