"""Make ``resources/fonts/`` from Debian's ``fonts-noto-cjk``: static Noto Sans SC Regular and Bold.

Run once, by a maintainer, when the font or the character set should change:

    python -m pip install fonttools   # dev-only: neither the app nor its build needs it
    python tools/fetch_fonts.py       # runs `apt-get download fonts-noto-cjk` in a temporary folder
    python tools/fetch_fonts.py --deb fonts-noto-cjk_1%3a20220127+repack1-1_all.deb

It reads the static ``NotoSansCJK-Regular.ttc`` and ``NotoSansCJK-Bold.ttc`` collections inside
the package, takes the Simplified Chinese face ("Noto Sans CJK SC") of each, subsets both to the
same character set (``CHARACTER_SET`` below, plus every character of ``content/``), names them
"Noto Sans SC" Regular and Bold so Qt pairs them as one family, and writes:

- ``NotoSansSC-Regular.otf``, ``NotoSansSC-Bold.otf``: the faces the app registers when the
  system has no CJK font with a real Bold face;
- ``NotoSansSC-codepoints.txt``: the code points both faces have, as hex ranges, which
  ``leaflet-app check`` reads to warn about characters the faces lack (no font parsing at run time);
- ``OFL.txt``: the fonts' copyright notice and the SIL Open Font License from the package;
- ``SOURCE.md``: the package version, the checksums of what was read and how the set was chosen;
- ``SHA256SUMS``: checksums of the files above (``sha256sum -c SHA256SUMS``; a test checks them).

The output is reproducible: the same package, fontTools version and content give the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import lzma
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "fonts"
PACKAGE = "fonts-noto-cjk"
COLLECTIONS = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}
SOURCE_FAMILY = "Noto Sans CJK SC"
FAMILY = "Noto Sans SC"
CODEPOINTS = "NotoSansSC-codepoints.txt"

# Characters outside GB 2312 and Big5 that Chinese drug and chemistry names use
# (苯二氮䓬 benzodiazepine; 噁唑 oxazole is in Big5 but not GB 2312, so it is listed too).
DRUG_NAME_EXTRAS = "䓬噁"

CHARACTER_SET = """\
- ASCII, Latin-1, Latin Extended-A and -B (pinyin tone marks), IPA and spacing modifiers,
  Greek and Cyrillic, Latin Extended Additional;
- general punctuation, super- and subscripts, currency, letterlike symbols, number forms,
  arrows, mathematical operators, enclosed alphanumerics (①), box drawing and geometric shapes;
- CJK symbols and punctuation, kana (as GB 2312 has them), CJK compatibility forms,
  half- and full-width forms;
- every character encodable in GB 2312 (the 6,763 common Simplified characters and its symbols);
- Big5's symbols and its level 1, the 5,401 common Traditional characters, so that a
  Traditional Chinese view derived from the Simplified text has its glyphs (level 2, 7,652
  less common characters, would double the size of the files);
- a few characters of drug and chemistry names outside both (DRUG_NAME_EXTRAS in the script);
- every character of the bundled leaflets in content/ when the script ran, and of the same
  leaflets, their disclaimer and the interface as the app shows them in Traditional Chinese
  (Taiwan, Hong Kong and plain conversions: 羥, 癇 and 衞 are outside Big5 level 1).
"""

BLOCKS = (
    (0x0020, 0x007E), (0x00A0, 0x024F), (0x0250, 0x02FF), (0x0370, 0x03FF), (0x0400, 0x04FF),
    (0x1E00, 0x1EFF), (0x2000, 0x206F), (0x2070, 0x209F), (0x20A0, 0x20CF), (0x2100, 0x214F),
    (0x2150, 0x218F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2460, 0x24FF), (0x2500, 0x25FF),
    (0x3000, 0x303F), (0x3040, 0x30FF), (0x3200, 0x33FF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),
)  # fmt: skip


def _double_byte(codec: str, leads: range, trails: Iterable[int]) -> set[int]:
    found: set[int] = set()
    trail_list = list(trails)
    for lead in leads:
        for trail in trail_list:
            try:
                text = bytes((lead, trail)).decode(codec)
            except UnicodeDecodeError:
                continue
            found.update(ord(c) for c in text)
    return found


def wanted_code_points(content: Path) -> set[int]:
    """The character set described in ``CHARACTER_SET``."""
    chars: set[int] = set()
    for low, high in BLOCKS:
        chars.update(range(low, high + 1))
    chars |= _double_byte("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))
    # Big5 symbols (lead bytes A1-A3) and level 1, the 5,401 common characters (A440-C67E).
    big5_trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    chars |= _double_byte("big5", range(0xA1, 0xC6), big5_trails)
    chars |= _double_byte("big5", range(0xC6, 0xC7), range(0x40, 0x7F))
    chars.update(ord(c) for c in DRUG_NAME_EXTRAS)
    for path in sorted(content.rglob("*.md")):
        chars.update(ord(c) for c in path.read_text(encoding="utf-8", errors="ignore"))
    chars |= traditional_code_points(content)
    return {c for c in chars if c >= 0x20 and not 0xD800 <= c <= 0xDFFF}


def traditional_code_points(content: Path) -> set[int]:
    """What the app shows of ``content`` converted to Traditional Chinese, in every variant,
    with the bundled ``_zh-Hant.toml`` terms, and its own Traditional labels and interface."""
    sys.path.insert(0, str(ROOT))  # the converter of this checkout (it needs the app's packages)
    from leaflet_app.core.loader import load_library
    from leaflet_app.core.traditional import (
        CONVERTED_NOTE,
        LABELS,
        VARIANTS,
        Conversion,
        disclaimer_text,
        reading_leaflet,
    )
    from leaflet_app.core.traditional_config import load_conversion

    library = load_library([content])
    bundled, _ = load_conversion([content])
    texts = [CONVERTED_NOTE, *LABELS.values()]
    texts.append((ROOT / "resources" / "translations" / "leaflet_app_zh_TW.ts").read_text(encoding="utf-8"))
    for variant in VARIANTS:
        conversion = Conversion(variant, bundled.terms)
        texts.append(disclaimer_text(library.disclaimer, "zh", conversion))
        for leaflet in library.leaflets:
            zh = reading_leaflet(leaflet, conversion).translation("zh")
            texts += [zh.title, zh.reviewed_by, *zh.keywords]
            texts += [part for section in zh.sections for part in (section.heading, section.text)]
            texts += [part for source in zh.sources for part in (source.title, source.publisher)]
    return {ord(c) for text in texts for c in text}


def _ar_members(data: bytes) -> dict[str, bytes]:
    """The members of a Debian package (an ``ar`` archive)."""
    if not data.startswith(b"!<arch>\n"):
        raise SystemExit("not a Debian package (no ar header)")
    members: dict[str, bytes] = {}
    offset = 8
    while offset + 60 <= len(data):
        header = data[offset : offset + 60]
        name = header[:16].decode("ascii").strip().rstrip("/")
        size = int(header[48:58].decode("ascii").strip())
        members[name] = data[offset + 60 : offset + 60 + size]
        offset += 60 + size + (size % 2)
    return members


def _tar(members: dict[str, bytes], stem: str) -> tarfile.TarFile:
    for name, blob in members.items():
        if name.startswith(stem + ".tar"):
            if name.endswith(".xz"):
                blob = lzma.decompress(blob)
            elif not name.endswith((".tar", ".gz", ".bz2")):
                raise SystemExit(f"cannot read {name}: only xz, gzip and bzip2 packages are supported")
            return tarfile.open(fileobj=io.BytesIO(blob))
    raise SystemExit(f"no {stem}.tar.* in the package")


def read_package(deb: Path) -> tuple[str, dict[str, bytes], str]:
    """The package version, the two collections' bytes and the copyright file's text."""
    members = _ar_members(deb.read_bytes())
    control = _tar(members, "control")
    control_file = control.extractfile("./control")
    assert control_file is not None
    fields = dict(
        line.split(": ", 1) for line in control_file.read().decode("utf-8").splitlines() if ": " in line
    )
    if fields.get("Package") != PACKAGE:
        raise SystemExit(f"{deb.name} is {fields.get('Package')!r}, not {PACKAGE}")
    data = _tar(members, "data")
    files: dict[str, bytes] = {}
    copyright_text = ""
    for member in data.getmembers():
        name = Path(member.name).name
        extracted = data.extractfile(member) if member.isfile() else None
        if extracted is None:
            continue
        if name in COLLECTIONS.values():
            files[name] = extracted.read()
        elif member.name.endswith(f"doc/{PACKAGE}/copyright"):
            copyright_text = extracted.read().decode("utf-8")
    missing = set(COLLECTIONS.values()) - set(files)
    if missing or not copyright_text:
        raise SystemExit(f"the package lacks {', '.join(sorted(missing)) or 'its copyright file'}")
    return fields["Version"], files, copyright_text


def ofl_text(copyright_text: str) -> str:
    """The SIL OFL 1.1 text from a machine-readable Debian copyright file."""
    lines = copyright_text.splitlines()
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if line.startswith("License: SIL-1.1") and following.startswith(" "):
            body: list[str] = []
            for text in lines[index + 1 :]:
                if not text.startswith(" "):
                    break
                body.append("" if text.strip() == "." else text[1:])
            return "\n".join(body).strip("\n") + "\n"
    raise SystemExit("no SIL Open Font License text in the package's copyright file")


def make_face(collection: bytes, style: str, unicodes: set[int]) -> tuple[bytes, set[int], str]:
    """The subset SC face: its bytes, its code points and its copyright notice."""
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    fonts = TTCollection(io.BytesIO(collection)).fonts
    font = next(f for f in fonts if f["name"].getDebugName(1) == SOURCE_FAMILY)
    notice = font["name"].getDebugName(0) or ""
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    names = font["name"]
    for name_id in (3, 16, 17, 21, 22):
        names.removeNames(nameID=name_id)
    postscript = f"NotoSansSC-{style}"
    for name_id, value in ((1, FAMILY), (2, style), (3, f"{postscript};subset"), (4, f"{FAMILY} {style}"),
                           (6, postscript)):  # fmt: skip
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)
    # Keep the upstream head timestamp so that a rerun gives the same bytes.
    font.recalcTimestamp = False
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue(), set(font.getBestCmap()), notice


def ranges(code_points: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted code points as inclusive (first, last) runs."""
    runs: list[tuple[int, int]] = []
    for cp in sorted(code_points):
        if runs and runs[-1][1] == cp - 1:
            runs[-1] = (runs[-1][0], cp)
        else:
            runs.append((cp, cp))
    return runs


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _download(folder: Path) -> Path:
    subprocess.run(["apt-get", "download", PACKAGE], cwd=folder, check=True)
    (deb,) = folder.glob(f"{PACKAGE}_*.deb")
    return deb


def build(deb: Path, out: Path, content: Path) -> None:
    """Write every file of ``resources/fonts/`` from the package ``deb``."""
    import fontTools

    version, collections, copyright_text = read_package(deb)
    unicodes = wanted_code_points(content)
    outputs: dict[str, bytes] = {}
    covered: set[int] | None = None
    notice = ""
    for style, collection in COLLECTIONS.items():
        data, cmap, notice = make_face(collections[collection], style, unicodes)
        outputs[f"NotoSansSC-{style}.otf"] = data
        covered = cmap if covered is None else covered & cmap
    assert covered is not None
    lines = [f"{a:04X}" if a == b else f"{a:04X}-{b:04X}" for a, b in ranges(covered)]
    outputs[CODEPOINTS] = (
        "# Code points that both bundled faces (NotoSansSC-Regular.otf, -Bold.otf) have.\n"
        "# Written by tools/fetch_fonts.py; read by leaflet-app check.\n" + "\n".join(lines) + "\n"
    ).encode()
    outputs["OFL.txt"] = (f"{notice}\n\n" + ofl_text(copyright_text)).encode()
    read = "\n".join(f"| `{name}` | `{_sha256(collections[name])}` |" for name in COLLECTIONS.values())
    outputs["SOURCE.md"] = f"""\
# Bundled fonts: where they come from

`NotoSansSC-Regular.otf` and `NotoSansSC-Bold.otf` are the Simplified Chinese faces
("{SOURCE_FAMILY}") of the static Noto Sans CJK collections (googlefonts/noto-cjk, Sans
2.004), as packaged by Debian, subset and renamed "{FAMILY}". They are under the SIL Open
Font License 1.1 (`OFL.txt`); the rest of the app is MIT.

Made by `python tools/fetch_fonts.py` with fontTools {fontTools.version} from:

| what | |
| --- | --- |
| Debian package | `{PACKAGE}` version `{version}` |
| package file | `{deb.name}` |
| its SHA-256 | `{_sha256(deb.read_bytes())}` |

| file read from the package | SHA-256 |
| --- | --- |
{read}

Both faces have the same {len(covered):,} code points (`{CODEPOINTS}`):

{CHARACTER_SET}""".encode()
    out.mkdir(parents=True, exist_ok=True)
    for name, data in outputs.items():
        (out / name).write_bytes(data)
    sums = "".join(f"{_sha256(data)}  {name}\n" for name, data in sorted(outputs.items()))
    (out / "SHA256SUMS").write_text(sums, encoding="ascii")
    for name, data in sorted(outputs.items()):
        print(f"{name}: {len(data):,} bytes")
    print(f"{len(covered):,} code points in both faces")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--deb", type=Path, help=f"a downloaded {PACKAGE} .deb (default: apt-get download)")
    parser.add_argument("--out", type=Path, default=OUT, help="output folder (default: resources/fonts)")
    args = parser.parse_args(argv)
    if args.deb is not None:
        build(args.deb, args.out, ROOT / "content")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        build(_download(Path(tmp)), args.out, ROOT / "content")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
