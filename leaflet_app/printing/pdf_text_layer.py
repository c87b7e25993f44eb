"""Post-processing of a written PDF: correct Qt's ToUnicode maps and set the document language."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

from leaflet_app.printing.errors import ExportError

# Qt's ToUnicode maps each glyph to the lowest code point the font gives it, so CJK text
# extracts as radicals (U+2E80-U+2FDF: "⻛" for 风, "⼾" for 户) and spaces as tabs. NFKC
# cannot undo all of it, so the maps are corrected to what the font shows (Noto Sans SC).
RADICALS = (
    "⺂⺃⺅⺇⺉⺋⺍⺏⺐⺒⺓⺔⺕⺖⺘⺙⺛⺞⺟⺠⺡⺣⺤⺦⺨⺩⺭⺮⺯⺰⺱⺳⺹⺺⺽⺾⺿⻀⻂⻅⻆⻇⻈⻉⻊⻋⻌⻐⻑⻒⻓⻔⻕⻖⻘⻙⻚⻛⻜⻝"
    "⻞⻟⻠⻡⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻮⻯⻰⻱⻲⻳⼀⼁⼂⼃⼄⼅⼆⼇⼈⼉⼊⼋⼌⼍⼎⼏⼐⼑⼒⼓⼔⼕⼖⼗⼘⼙⼚⼛⼜⼝⼞⼟⼠⼡⼢⼣⼤⼥⼦"
    "⼧⼨⼩⼪⼫⼬⼭⼮⼯⼰⼱⼲⼳⼴⼵⼶⼷⼸⼺⼻⼼⼽⼾⼿⽀⽁⽂⽃⽄⽅⽆⽇⽈⽉⽊⽋⽌⽍⽎⽏⽐⽑⽒⽓⽔⽕⽖⽗⽘⽙⽚⽛⽜⽝⽞⽟⽠⽡⽢⽣"
    "⽤⽥⽦⽧⽨⽩⽪⽫⽬⽭⽮⽯⽰⽱⽲⽳⽴⽵⽶⽷⽸⽹⽺⽻⽼⽽⽿⾀⾁⾂⾃⾄⾅⾆⾇⾈⾉⾊⾋⾌⾍⾎⾏⾐⾑⾒⾔⾕⾖⾗⾘⾙⾚⾛⾜⾝⾞⾟⾠⾡"
    "⾢⾣⾤⾥⾦⾧⾨⾩⾪⾫⾬⾭⾮⾯⾰⾱⾲⾳⾴⾵⾶⾷⾸⾹⾺⾼⾽⾾⾿⿀⿁⿂⿃⿄⿅⿆⿇⿈⿉⿊⿋⿌⿍⿎⿏⿑⿒⿓⿕"
)
IDEOGRAPHS = (
    "乛乚亻𠘨刂㔾𭕄尣尢巳幺彑彐忄扌攵旡歺母民氵灬爫丬犭𤣩礻𥫗糹纟罓㓁耂肀𦥑艹艹艹衤见角𧢲讠贝𧾷车辶钅長镸长门𨸏阝青韦页风飞食"
    "𩙿飠饣𩠐马骨鬼鱼鸟卤麦黄黾斉齐齿竜龙龜亀龟一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子"
    "宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彡彳心戈户手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生"
    "用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見言谷豆豕豸貝赤走足身車辛辰辵"
    "邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠齊齒龍龠"
)
# The font draws U+FF5E (fullwidth tilde, the range sign in "2～3 天") and U+301C (wave dash) with
# one glyph, and Qt maps it back to the lower, rarer U+301C.
TO_UNICODE_FIX = {ord(r): i for r, i in zip(RADICALS, IDEOGRAPHS, strict=True)}
TO_UNICODE_FIX |= {0x09: " ", 0x301C: "\uff5e"}
_HEX = re.compile(rb"<([0-9A-Fa-f]{4})>")


def _fix_hex(match: re.Match[bytes]) -> bytes:
    fixed = TO_UNICODE_FIX.get(int(match.group(1), 16))
    if fixed is None:
        return match.group(0)
    return b"<" + fixed.encode("utf-16-be").hex().encode() + b">"


def fix_to_unicode(cmap: bytes) -> bytes:
    """Rewrite the destination code points of a ToUnicode CMap (bfrange arrays and bfchar)."""
    out = []
    for line in cmap.split(b"\n"):
        if b"[" in line:
            head, _, tail = line.partition(b"[")
            line = head + b"[" + _HEX.sub(_fix_hex, tail)
        elif line.count(b"<") in (2, 3) and line.startswith(b"<"):
            src, _, dest = line.rpartition(b" ")
            line = src + b" " + _HEX.sub(_fix_hex, dest)
        out.append(line)
    return b"\n".join(out)


def finish_pdf(data: bytes, lang: str, outline: Sequence[tuple[str, int]] = ()) -> bytes:
    """Add /Lang (Qt has no API for it), fix the text maps and add ``outline`` (bookmarks:
    title and 0-based page), as a small incremental update."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    if not data:
        raise ExportError("the PDF came out empty")
    writer = PdfWriter(io.BytesIO(data), incremental=True)
    writer.root_object[NameObject("/Lang")] = TextStringObject(lang)
    seen: set[int] = set()
    for page in writer.pages:
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            stream = font.get_object().get("/ToUnicode")
            if stream is None or stream.idnum in seen:
                continue
            seen.add(stream.idnum)
            cmap = stream.get_object()
            cmap.set_data(fix_to_unicode(cmap.get_data()))
    for title, page_index in outline:
        writer.add_outline_item(title=title, page_number=page_index)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
