"""UI language through Qt's translation system: our .qm plus Qt's own for standard dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from leaflet_app.core.bundled import resource_path


class UiLanguage:
    """Installs or removes the Chinese translators; English is the source language.

    The translators are loaded once and reused: a switch installs or removes them, so a
    kiosk that switches all day keeps two of them, not one pair per switch.
    """

    def __init__(self) -> None:
        self._loaded: list[QTranslator] | None = None
        self._installed = False
        self.current = "en"

    def set(self, lang: str) -> None:
        if lang == self.current:
            return
        app = QCoreApplication.instance()
        assert app is not None
        if lang == "zh":
            for translator in self._chinese(app):
                app.installTranslator(translator)
            self._installed = True
        elif self._installed:
            for translator in self._chinese(app):
                app.removeTranslator(translator)
            self._installed = False
        self.current = lang

    def _chinese(self, app: QCoreApplication) -> list[QTranslator]:
        if self._loaded is None:
            loaded: list[QTranslator] = []
            ours = QTranslator(app)
            if ours.load(str(resource_path("translations/leaflet_app_zh_CN.qm"))):
                loaded.append(ours)
            else:
                ours.deleteLater()
            qt_own = QTranslator(app)
            if _load_qt_translation(qt_own):
                loaded.append(qt_own)
            else:
                qt_own.deleteLater()
            self._loaded = loaded
        return self._loaded


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
