"""UI language through Qt's translation system: our .qm plus Qt's own for standard dialogs.

Simplified Chinese (zh_CN) and Traditional Chinese (zh_TW, made from the zh_CN file by
``tools/make_zh_tw_ts.py``); English is the source language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from leaflet_app.core.bundled import resource_path

# Interface language -> the Qt locale of its translations.
LOCALES: dict[str, QLocale.Country] = {"zh": QLocale.Country.China, "zh-Hant": QLocale.Country.Taiwan}
_FILES = {"zh": "zh_CN", "zh-Hant": "zh_TW"}


class UiLanguage:
    """Installs or removes the Chinese translators; English is the source language.

    Each language's translators are made once and kept: switching back and forth many times
    (a kiosk does, all day) reinstalls the same two objects instead of piling up new ones.
    """

    def __init__(self) -> None:
        self._loaded: dict[str, list[QTranslator]] = {}
        self.current = "en"

    def set(self, lang: str) -> None:
        """Show the interface in ``lang``: "en", "zh" (Simplified) or "zh-Hant" (Traditional)."""
        if lang == self.current:
            return
        app = QCoreApplication.instance()
        assert app is not None
        for translator in self._loaded.get(self.current, []):
            app.removeTranslator(translator)
        if lang in LOCALES:
            for translator in self._translators(app, lang):
                app.installTranslator(translator)
        self.current = lang

    def _translators(self, app: QCoreApplication, lang: str) -> list[QTranslator]:
        found = self._loaded.get(lang)
        if found is None:
            found = []
            ours = QTranslator(app)
            if ours.load(str(resource_path(f"translations/leaflet_app_{_FILES[lang]}.qm"))):
                found.append(ours)
            else:
                ours.deleteLater()
            qt_own = QTranslator(app)
            if _load_qt_translation(qt_own, LOCALES[lang]):
                found.append(qt_own)
            else:
                qt_own.deleteLater()
            self._loaded[lang] = found
        return found


def _load_qt_translation(translator: QTranslator, country: QLocale.Country) -> bool:
    """Qt's own Chinese strings (standard buttons and dialogs) into ``translator``.

    ``qtbase``, not the ``qt`` catalogue: that one also names modules the Essentials wheel
    lacks, and fails to load. A standalone build may not tell Qt where its translations
    are, so the PySide6 package's own folder is tried too.
    """
    import PySide6

    locale = QLocale(QLocale.Language.Chinese, country)
    folders = (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
               str(Path(PySide6.__file__).parent / "Qt" / "translations"))  # fmt: skip
    return any(translator.load(locale, "qtbase", "_", folder) for folder in folders)


_shared: UiLanguage | None = None


def shared_ui_language() -> UiLanguage:
    """The one UiLanguage of the process: translators are installed application-wide."""
    global _shared
    if _shared is None:
        _shared = UiLanguage()
    return _shared
