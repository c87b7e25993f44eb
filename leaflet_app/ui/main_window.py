"""The main window: banner on top, toolbar, and the library / leaflet / search pages."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QLineEdit,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from leaflet_app import __version__
from leaflet_app.core.document import MODES, Mode, is_traditional
from leaflet_app.core.manifest import LazyLeaflet, Manifest
from leaflet_app.core.model import Disclaimer, Leaflet, Library
from leaflet_app.core.reading import MEASURE_EM, THEMES, body_px, document_css, zoom_in, zoom_out
from leaflet_app.core.traditional import DEFAULT, Conversion
from leaflet_app.ui.actions import create_actions, retranslate_actions
from leaflet_app.ui.banner import DisclaimerBanner
from leaflet_app.ui.fonts import FontChoice, app_font
from leaflet_app.ui.i18n import UiLanguage, shared_ui_language
from leaflet_app.ui.language_switch import LanguageSwitch
from leaflet_app.ui.library_view import LibraryView
from leaflet_app.ui.search_controller import SearchController
from leaflet_app.ui.settings import Preferences
from leaflet_app.ui.stack_bar import StackBar, export_selected, print_selected
from leaflet_app.ui.style import UI_PX, app_stylesheet, heading_px, list_px, palette

if TYPE_CHECKING:
    from leaflet_app.core.search import SearchIndex
    from leaflet_app.ui.kiosk import KioskController
    from leaflet_app.ui.leaflet_view import LeafletView


log = logging.getLogger(__name__)

class MainWindow(QMainWindow):
    """Wires the core's library to the views; holds no content logic of its own."""

    leaflet_opened = Signal(str)

    def __init__(self, library: Library, prefs: Preferences, fonts: FontChoice, *,
                 ui_language: UiLanguage | None = None, cache_dir: Path | None = None,
                 search_index: SearchIndex | None = None, manifest: Manifest | None = None,
                 today: Callable[[], dt.date] = dt.date.today) -> None:  # fmt: skip
        """``manifest``: the leaflets it could not vouch for are read in the background."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.library, self.prefs, self.fonts = library, prefs, fonts
        # Asked whenever a leaflet is shown, listed or printed, so a kiosk left running past a
        # review date marks (or hides) that leaflet from then on; tests pass a fixed date.
        self.today = today
        self._shown: Callable[[Leaflet], bool] = lambda _leaflet: True
        self.ui_language = ui_language or shared_ui_language()
        # Where Back returns to: ("library"|"search"|"leaflet", leaflet id, section id).
        self.history: list[tuple[str, str, str | None]] = []
        self._styled_theme = ""  # the theme whose style sheet is applied
        self._applied_mode = ""  # the reading language the views show
        self._conversion: tuple[Library, Conversion] | None = None  # see conversion()
        self._hant: Conversion | None = None  # the conversion the views show (zh-Hant modes)
        self._leaflet_view: LeafletView | None = None  # see leaflet_view
        self.refuse_close = False  # kiosk mode: nothing but the staff exit may close the window
        self.kiosk: KioskController | None = None  # set in kiosk mode
        self.actions_ = create_actions(self)
        central = QWidget(self)
        layout = self.central_layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = DisclaimerBanner(library.disclaimer, central)
        layout.addWidget(self.banner)
        self.toolbar = self._make_toolbar(central)
        layout.addWidget(self.toolbar)
        self.pages = QStackedWidget(central)
        self.pages.setObjectName("pages")
        self.library_view = LibraryView(library, self.pages)
        self.library_view.today = today
        self.pages.addWidget(self.library_view)
        self.stack_bar = StackBar(self.actions_.print_selected, self.actions_.export_selected)
        library_layout = self.library_view.layout()
        assert library_layout is not None
        library_layout.addWidget(self.stack_bar)  # under the list it acts on
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._make_menus()
        self.search = SearchController(self, cache_dir, search_index, manifest)
        self._connect()
        self.setMinimumSize(QSize(800, 600))
        self.resize(1280, 800)
        self.language_switch.set_mode(prefs.mode)
        # Styled before the rows are made: styling a list that has rows measures every one
        # of them at once, at the width of a window not yet shown.
        self.apply_style()
        self._apply_mode(prefs.mode)
        self.actions_.high_contrast.setChecked(prefs.theme == "high-contrast")

    @property
    def leaflet_view(self) -> LeafletView:
        """The leaflet page, made the first time it is needed: the window opens on the library."""
        if self._leaflet_view is None:
            from leaflet_app.ui.leaflet_view import LeafletView

            view = self._leaflet_view = LeafletView(self.pages)
            view.today = self.today
            self.pages.addWidget(view)
            view.internal_link.connect(self.follow_link)
            view.document_replaced.connect(self.search.refresh_highlights)
            view.conversion = self._hant or DEFAULT
            view.set_mode(self.prefs.mode)
            self._style_leaflet_view()
        return self._leaflet_view

    def showing_leaflet(self) -> bool:
        """Whether the leaflet page is the current page."""
        return self._leaflet_view is not None and self.pages.currentWidget() is self._leaflet_view

    # -- construction -------------------------------------------------------------------------
    def _make_toolbar(self, parent: QWidget) -> QToolBar:
        bar = QToolBar(parent)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setIconSize(QSize(0, 0))
        self.home_button = self._tool_button(bar, "homeButton", self.actions_.home)
        self.back_button = self._tool_button(bar, "backButton", self.actions_.back)
        self.search_field = QLineEdit(bar)
        self.search_field.setObjectName("searchField")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setMinimumWidth(150)
        bar.addWidget(self.search_field)
        self.language_switch = LanguageSwitch(self.prefs.mode, bar)
        bar.addWidget(self.language_switch)
        self.zoom_out_button = self._tool_button(bar, "zoomOut", self.actions_.zoom_out, "A−")
        self.zoom_in_button = self._tool_button(bar, "zoomIn", self.actions_.zoom_in, "A+")
        return bar

    def _tool_button(self, bar: QToolBar, name: str, action: object, label: str | None = None) -> QPushButton:
        from PySide6.QtGui import QAction

        assert isinstance(action, QAction)
        button = QPushButton(label or "", bar)
        button.setObjectName(name)
        button.clicked.connect(action.trigger)
        button.setProperty("fixed_label", label or "")
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        bar.addWidget(button)
        return button

    def _make_menus(self) -> None:
        a = self.actions_
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([a.print_, a.export_pdf, a.print_selected, a.export_selected])
        self.file_menu.addSeparator()
        self.file_menu.addAction(a.quit)
        self.view_menu = bar.addMenu("")
        self.view_menu.addActions([a.home, a.back, a.find])
        self.view_menu.addSeparator()
        self.view_menu.addActions([a.zoom_in, a.zoom_out, a.zoom_reset, a.high_contrast])
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(a.about)

    def _connect(self) -> None:
        a = self.actions_
        a.home.triggered.connect(self.go_home)
        a.back.triggered.connect(self.go_back)
        a.find.triggered.connect(self.focus_search)
        a.zoom_in.triggered.connect(lambda: self.set_zoom(zoom_in(self.prefs.zoom)))
        a.zoom_out.triggered.connect(lambda: self.set_zoom(zoom_out(self.prefs.zoom)))
        a.zoom_reset.triggered.connect(lambda: self.set_zoom(100))
        a.high_contrast.toggled.connect(self.set_high_contrast)
        a.quit.triggered.connect(self.close)
        a.print_.triggered.connect(self.print_leaflet)
        a.export_pdf.triggered.connect(self.export_pdf)
        a.print_selected.triggered.connect(lambda: print_selected(self))
        a.export_selected.triggered.connect(lambda: export_selected(self))
        self.library_view.selection_changed.connect(self.update_enabled)
        a.about.triggered.connect(self.show_about)
        self.language_switch.mode_changed.connect(self.set_mode)
        self.library_view.leaflet_chosen.connect(self.open_leaflet)

    # -- what is offered -----------------------------------------------------------------------
    def set_leaflet_filter(self, shown: Callable[[Leaflet], bool]) -> None:
        """Offer only the leaflets ``shown`` accepts: in the list, in search and through links."""
        self._shown = shown
        self.library_view.shown = shown
        self.search.panel.shown = self.shows
        self.library_view.refresh()

    def add_leaflets(self, changed: list[Leaflet], removed: list[str], *, soon: bool = False) -> None:
        """Leaflets read anew (new or changed) and ids no longer offered; ``soon``: more are
        coming (read in the background), so the list shows them within a second."""
        self.library.update(changed, removed)
        self.library_view.leaflets_changed(changed, removed, soon=soon)

    def shows(self, leaflet_id: str) -> bool:
        """Whether this leaflet exists here and may be opened."""
        leaflet = self.library.get(leaflet_id)
        return leaflet is not None and self._shown(leaflet)

    def set_disclaimer(self, disclaimer: Disclaimer) -> None:
        """A new disclaimer (the kiosk's emergency number) for the banner and every printout."""
        self.library.disclaimer = disclaimer
        self.banner.set_disclaimer(disclaimer)

    # -- navigation ---------------------------------------------------------------------------
    def open_leaflet(self, leaflet_id: str, section_id: str | None = None, *, record: bool = True) -> bool:
        leaflet = self.library.get(leaflet_id)
        if leaflet is None or not self._shown(leaflet):
            return False
        if isinstance(leaflet, LazyLeaflet) and not leaflet.load():
            return False  # its files changed or went away since start-up (the log says how)
        if record:
            self.remember_place()
        # Show the page first: scrolling needs the view's real width to lay out the text.
        self.pages.setCurrentWidget(self.leaflet_view)
        self.leaflet_view.show_leaflet(leaflet, self.prefs.mode, section_id)
        self.prefs.last_leaflet = leaflet_id
        self.update_enabled()
        self.leaflet_opened.emit(leaflet_id)
        return True

    def go_home(self) -> None:
        if self.pages.currentWidget() is not self.library_view:
            self.remember_place()
        self.library_view.model.refresh_if_new_day()
        self.pages.setCurrentWidget(self.library_view)
        self.update_enabled()

    def go_back(self) -> None:
        if not self.history:
            self.pages.setCurrentWidget(self.library_view)
            self.update_enabled()
            return
        page, leaflet_id, section = self.history.pop()
        if page == "leaflet":
            self.open_leaflet(leaflet_id, section, record=False)
        elif page == "search" and self.search.panel.query():
            self.pages.setCurrentWidget(self.search.panel)
        else:
            self.pages.setCurrentWidget(self.library_view)
        self.update_enabled()

    def remember_place(self) -> None:
        view = self._leaflet_view
        if self.showing_leaflet() and view is not None and view.leaflet is not None:
            self.history.append(("leaflet", view.leaflet.id, view.current_section()))
        elif self.search.showing_results():
            self.history.append(("search", "", None))
        else:
            self.history.append(("library", "", None))
        del self.history[:-50]

    def show_search_results(self) -> None:
        """Search for the text in the search field now and show the results page."""
        self.search.run_now()

    def follow_link(self, href: str) -> None:
        from leaflet_app.core.links import LinkKind, classify_link, split_leaflet_link  # once a link is used

        kind = classify_link(href)
        if kind is LinkKind.SECTION:
            self.leaflet_view.scroll_to_section(href[1:])
        elif kind is LinkKind.LEAFLET:
            leaflet_id, section = split_leaflet_link(href)
            self.open_leaflet(leaflet_id, section or None)

    def print_leaflet(self) -> None:
        from leaflet_app.ui import print_dialog  # Qt's print support loads when first needed

        view = self._leaflet_view
        if view is not None and view.leaflet is not None:
            print_dialog.print_leaflet(self, self.library, view.leaflet, self.prefs.mode,
                                       self.today(), prefs=self.prefs,
                                       list_font=app_font(self.fonts, list_px(self.prefs.zoom)))  # fmt: skip

    def export_pdf(self) -> None:
        from leaflet_app.ui import print_dialog

        view = self._leaflet_view
        if view is not None and view.leaflet is not None:
            print_dialog.export_pdf(self, self.library, view.leaflet, self.prefs.mode,
                                    self.today(), prefs=self.prefs,
                                    list_font=app_font(self.fonts, list_px(self.prefs.zoom)))  # fmt: skip

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def update_enabled(self) -> None:
        on_leaflet = self.showing_leaflet()
        self.actions_.print_.setEnabled(on_leaflet)
        self.actions_.export_pdf.setEnabled(on_leaflet)
        # A stack is chosen in the library; the kiosk prints one leaflet at a time.
        chosen = len(self.library_view.selected_leaflet_ids()) if self.kiosk is None else 0
        on_library = self.pages.currentWidget() is self.library_view
        self.actions_.print_selected.setEnabled(on_library and chosen > 0)
        self.actions_.export_selected.setEnabled(on_library and chosen > 0)
        self.stack_bar.set_count(chosen)
        self.actions_.back.setEnabled(bool(self.history))
        self.back_button.setEnabled(bool(self.history))

    # -- reading preferences ------------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        assert mode in MODES
        self.prefs.mode = mode
        if self.language_switch.mode() != mode:
            # The switch announces the change, which calls this again: applied there, once.
            self.language_switch.set_mode(self.prefs.mode)
        elif mode != self._applied_mode:
            self._apply_mode(self.prefs.mode)

    def _apply_mode(self, mode: Mode) -> None:
        self._applied_mode = mode
        # The interface speaks Chinese when the text is Chinese only; beside English it stays English.
        self.ui_language.set(mode if mode in ("zh", "zh-Hant") else "en")
        hant = self._hant = self.conversion() if is_traditional(mode) else None
        self.banner.set_traditional(hant)
        self.search.set_traditional(hant)
        self.library_view.set_mode(mode, hant)
        if self._leaflet_view is not None:
            self._leaflet_view.conversion = hant or DEFAULT
            self._leaflet_view.set_mode(mode)
        self.retranslate()

    def conversion(self) -> Conversion:
        """The clinic's Traditional Chinese settings (``_zh-Hant.toml`` in its content folders),
        read when first needed and again for a library read anew; problems go to the log."""
        if self._conversion is None or self._conversion[0] is not self.library:
            from leaflet_app.core.traditional_config import load_conversion

            conversion, problems = load_conversion(self.library.folders)
            for problem in problems:
                log.warning("%s", problem)
            self._conversion = (self.library, conversion)
        return self._conversion[1]

    def set_zoom(self, percent: int) -> None:
        self.prefs.zoom = percent
        self.apply_style()

    def set_high_contrast(self, enabled: bool) -> None:
        self.prefs.theme = "high-contrast" if enabled else "standard"
        self.apply_style()

    def apply_style(self) -> None:
        theme = THEMES[self.prefs.theme]
        zoom = self.prefs.zoom
        if theme.name != self._styled_theme:
            self._styled_theme = theme.name
            self.setPalette(palette(theme))
            self.setStyleSheet(app_stylesheet(theme))
            self.setFont(app_font(self.fonts, UI_PX))
        list_font = app_font(self.fonts, list_px(zoom))
        heading_font = app_font(self.fonts, heading_px(zoom))
        heading_font.setBold(True)
        self.library_view.list.setFont(list_font)
        self.search.set_list_font(list_font)
        self.library_view.heading.setFont(heading_font)
        # The banner grows a little with the text size but must leave room to read at 800×600.
        banner_font = QFont(app_font(self.fonts, 16 if zoom < 150 else 18))
        self.banner.apply_theme(theme, banner_font)
        if self._leaflet_view is not None:
            self._style_leaflet_view()
        self.actions_.zoom_in.setEnabled(zoom < 300)
        self.actions_.zoom_out.setEnabled(zoom > 100)
        self.zoom_in_button.setEnabled(zoom < 300)
        self.zoom_out_button.setEnabled(zoom > 100)

    def _style_leaflet_view(self) -> None:
        view, zoom = self.leaflet_view, self.prefs.zoom
        view.sections.setFont(app_font(self.fonts, list_px(zoom)))
        heading_font = app_font(self.fonts, heading_px(zoom))
        heading_font.setBold(True)
        view.title.setFont(heading_font)
        view.set_measure(body_px(zoom) * MEASURE_EM)
        view.set_style(document_css(THEMES[self.prefs.theme], zoom, self.fonts.css_stack()),
                       app_font(self.fonts, body_px(zoom)))  # fmt: skip

    # -- language of the interface ------------------------------------------------------------
    def retranslate(self) -> None:
        retranslate_actions(self.actions_)
        self.setWindowTitle(self.tr("Patient leaflets"))
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.search_field.setPlaceholderText(self.tr("Search leaflets (English, 中文, pinyin)"))
        self.search_field.setAccessibleName(self.tr("Search"))
        self.home_button.setText(self.tr("Home"))
        self.back_button.setText(self.tr("Back"))
        for button, action in ((self.home_button, self.actions_.home), (self.back_button, self.actions_.back),
                               (self.zoom_in_button, self.actions_.zoom_in),
                               (self.zoom_out_button, self.actions_.zoom_out)):  # fmt: skip
            button.setAccessibleName(action.text())
            button.setToolTip(action.toolTip())
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.update_enabled()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # its class costs the start-up a few ms

        text = self.tr("Patient leaflets {0}\nWorks fully offline.").format(__version__)
        QMessageBox.about(self, self.tr("About"), text)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.refuse_close:
            event.ignore()
            return
        self.search.shutdown()
        self.prefs.sync()
        super().closeEvent(event)
