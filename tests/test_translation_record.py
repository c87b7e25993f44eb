"""The record of which English each Chinese section translates."""

from __future__ import annotations

from pathlib import Path

from leaflet_app.core.small_files import write_atomically
from leaflet_app.core.translation_record import (
    merged,
    parse_record,
    rewrite_front_matter,
    section_hash,
    stale_sections,
)


def test_whitespace_does_not_change_the_hash_but_words_do() -> None:
    base = section_hash("Dose", "Take **2 mg** once a day.\n\nWith food.")
    assert section_hash("Dose ", "Take **2 mg**   once a day.\n\n\n  With food.\n") == base
    assert section_hash("Dose", "Take **4 mg** once a day.\n\nWith food.") != base
    assert section_hash("Dosing", "Take **2 mg** once a day.\n\nWith food.") != base


def test_a_record_of_digits_only_reads_back_as_text() -> None:
    from leaflet_app.core.frontmatter import split_front_matter

    record = {"a": "4996637764", "b": "12e4567890"}
    text = rewrite_front_matter("---\nid: x\n---\n", record)
    assert parse_record(split_front_matter(text).values["translation_of"]) == record


def test_stale_sections_compares_each_section() -> None:
    english = {"a": section_hash("A", "x"), "b": section_hash("B", "y")}
    assert stale_sections(english, dict(english)) == []
    assert stale_sections(english, {"a": english["a"], "b": "0" * 10}) == ["b"]
    assert stale_sections(english, {"a": english["a"]}) == ["b"], "a section never marked is pending"
    assert stale_sections(english, None) == []


def test_parse_record_refuses_anything_but_ids_to_hashes() -> None:
    assert parse_record({"a": "0123456789"}) == {"a": "0123456789"}
    assert parse_record({"a": "xyz"}) is None
    assert parse_record(["a"]) is None
    assert parse_record({"a": 123}) is None


def test_merged_marks_one_section_or_all() -> None:
    english = {"a": "1" * 10, "b": "2" * 10}
    old = {"a": "0" * 10, "b": "0" * 10}
    assert merged(old, english, ["b"]) == {"a": "0" * 10, "b": "2" * 10}
    assert merged(old, english, None) == english
    assert merged(None, english, ["a"]) == {"a": "1" * 10}


def test_rewrite_changes_only_the_record(tmp_path: Path) -> None:
    text = "---\nid: x\n# a comment\ntranslation_of:\n  a: 0000000000\n\nkeywords:\n  - k\n---\n\n## A {#a}\n"
    new = rewrite_front_matter(text, {"a": "1111111111", "b": "2222222222"})
    assert new == (
        "---\nid: x\n# a comment\nkeywords:\n  - k\n"
        'translation_of:\n  a: "1111111111"\n  b: "2222222222"\n'
        "---\n\n## A {#a}\n"
    )
    path = tmp_path / "zh.md"
    write_atomically(path, new.encode("utf-8"))
    assert path.read_text(encoding="utf-8") == new
    assert [p.name for p in tmp_path.iterdir()] == ["zh.md"]
