"""Generate realistic bilingual leaflet folders for benchmarks (never committed)."""

from __future__ import annotations

import random
from pathlib import Path

from leaflet_app.core.translation_record import render_field, section_hash

EN_WORDS = [
    "medicine",
    "dose",
    "treatment",
    "doctor",
    "nurse",
    "tablet",
    "stop",
    "relapse",
    "flare",
    "infection",
    "blood",
    "test",
    "liver",
    "kidney",
    "heart",
    "pain",
    "swelling",
    "fever",
    "rash",
    "headache",
    "nausea",
    "arthritis",
    "joint",
    "skin",
    "hair",
    "weekly",
    "daily",
    "morning",
    "evening",
    "food",
    "water",
    "pregnancy",
    "allergy",
    "vaccine",
    "cholesterol",
    "pressure",
    "sugar",
    "insulin",
    "methotrexate",
    "baricitinib",
    "tofacitinib",
    "adalimumab",
    "prednisolone",
    "ibuprofen",
    "paracetamol",
    "warfarin",
]
ZH_TEXT = (
    "药物剂量治疗医生护士片剂停药复发感染血液检查肝脏肾脏心脏疼痛肿胀发热皮疹头痛恶心关节炎"
    "皮肤脱发每周每日早晨晚上食物饮水妊娠过敏疫苗胆固醇血压血糖胰岛素甲氨蝶呤巴瑞替尼斑秃"
)


def _en_paragraph(rng: random.Random) -> str:
    words = [rng.choice(EN_WORDS) for _ in range(rng.randint(30, 60))]
    return " ".join(words).capitalize() + "."


def _zh_paragraph(rng: random.Random) -> str:
    return "".join(rng.choice(ZH_TEXT) for _ in range(rng.randint(60, 120))) + "。"


def leaflet_text(leaflet_id: str, lang: str, rng: random.Random, sections: int = 8,
                 record: dict[str, str] | None = None) -> str:  # fmt: skip
    """One language file with ``sections`` sections of two paragraphs each; ``record`` (for
    zh.md): the hashes of the English it translates, as ``leaflet-app translated`` writes them."""
    return _leaflet(leaflet_id, lang, rng, sections, record)[0]


def _leaflet(leaflet_id: str, lang: str, rng: random.Random, sections: int,
             record: dict[str, str] | None) -> tuple[str, dict[str, str]]:  # fmt: skip
    """The file's text, and its sections' hashes (id -> hash)."""
    title = f"Leaflet {leaflet_id}" if lang == "en" else f"传单 {leaflet_id}"
    head = (
        f'---\nid: {leaflet_id}\nlang: {lang}\ntitle: "{title}"\nversion: "1.0"\n'
        f"reviewed: 2026-01-01\nnext_review: 2030-01-01\nstatus: approved\nreviewed_by: Generator\n"
        f'sources:\n  - title: Generated\n    publisher: Generator\n    url: "https://example.org/"\n'
        f'    date: "2026"\n'
        f"keywords:\n  - {rng.choice(EN_WORDS)}\n  - 药物\n"
        + (render_field(record) if record is not None else "")
        + "---\n"
    )
    body = []
    hashes: dict[str, str] = {}
    for index in range(sections):
        heading = (f"Section {index} {rng.choice(EN_WORDS)}" if lang == "en"
                   else f"第{index}节 {ZH_TEXT[index * 3:index * 3 + 4]}")  # fmt: skip
        paragraph = _en_paragraph if lang == "en" else _zh_paragraph
        text = f"{paragraph(rng)}\n\n{paragraph(rng)}"
        hashes[f"s{index}"] = section_hash(heading, text)
        body.append(f"\n## {heading} {{#s{index}}}\n\n{text}\n")
    return head + "".join(body), hashes


def generate(root: Path, count: int, seed: int = 7) -> Path:
    """Write ``count`` leaflets under ``root`` and return it."""
    rng = random.Random(seed)
    for number in range(count):
        leaflet_id = f"gen-{number:05d}"
        folder = root / leaflet_id
        folder.mkdir(parents=True, exist_ok=True)
        # Up to date translations, as a real library's are: check has nothing to say.
        english, hashes = _leaflet(leaflet_id, "en", rng, 8, None)
        (folder / "en.md").write_text(english, encoding="utf-8")
        (folder / "zh.md").write_text(leaflet_text(leaflet_id, "zh", rng, record=hashes), encoding="utf-8")
    return root
