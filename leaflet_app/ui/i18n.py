"""UI language through Qt's translation system: our .qm plus Qt's own for standard dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from leaflet_app.core.bundled import resource_path


class UiLanguage:
    """Installs or removes the Chinese translators; English is the source language."""

    def __init__(self) -> None:
        self._translators: list[QTranslator] = []
        self.current = "en"

    def set(self, lang: str) -> None:
        if lang == self.current:
            return
        app = QCoreApplication.instance()
        assert app is not None
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators.clear()
        if lang == "zh":
            ours = QTranslator(app)
            if ours.load(str(resource_path("translations/leaflet_app_zh_CN.qm"))):
                self._translators.append(ours)
            qt_own = QTranslator(app)
            if _load_qt_translation(qt_own):
                self._translators.append(qt_own)
            for translator in self._translators:
                app.installTranslator(translator)
        self.current = lang


def _load_qt_translation(translator: QTranslator) -> bool:
    """Qt's own Chinese strings (standard buttons and dialogs) into ``translator``.

    ``qtbase``, not the ``qt`` catalogue: that one also names modules the Essentials wheel
    lacks, and fails to load. A standalone build may not tell Qt where its translations
    are, so the PySide6 package's own folder is tried too.
    """
    import PySide6

    china = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    folders = (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
               str(Path(PySide6.__file__).parent / "Qt" / "translations"))  # fmt: skip
    return any(translator.load(china, "qtbase", "_", folder) for folder in folders)


_shared: UiLanguage | None = None


def shared_ui_language() -> UiLanguage:
    """The one UiLanguage of the process: translators are installed application-wide."""
    global _shared
    if _shared is None:
        _shared = UiLanguage()
    return _shared
