"""The counter's main window: three list pages, menus, status bar; forms open from here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
)

from station_desk import __version__
from station_desk.services import postings, workers
from station_desk.services.context import Desk, ValidationFailed
from station_desk.store import queries, search
from station_desk.ui.background import TaskManager
from station_desk.ui.employer_form import EmployerForm
from station_desk.ui.forms import RecordForm
from station_desk.ui.import_dialog import ImportDialog
from station_desk.ui.pages import ListPage
from station_desk.ui.posting_form import PostingForm
from station_desk.ui.sync_controller import SyncController
from station_desk.ui.sync_dialogs import ConnectDialog, SyncLogDialog
from station_desk.ui.table_models import RecordTableModel, sqlite_connector
from station_desk.ui.worker_form import WorkerForm

PAGE_KINDS = {"workers": "worker", "employers": "employer", "postings": "posting"}


class MainWindow(QMainWindow):
    def __init__(self, desk: Desk, tasks: TaskManager | None = None) -> None:
        super().__init__()
        self.desk = desk
        self.tasks = tasks or TaskManager(self)
        search.warm_up()
        self._stale_pages: set[str] = set()
        self.connect_db = sqlite_connector(desk.db.path)
        self.setWindowTitle(self.tr("Station Desk"))
        self.resize(1366, 768)

        self.pages: dict[str, ListPage] = {
            "worker": ListPage(
                RecordTableModel("worker", self.connect_db, self),
                self.tr("Register worker"),
                self.tr(
                    "Search workers: name, pinyin initials (zs), last digits of ID or phone, trade"
                ),
            ),
            "employer": ListPage(
                RecordTableModel("employer", self.connect_db, self),
                self.tr("New employer"),
                self.tr("Search employers: name, pinyin initials, contact person, phone, address"),
            ),
            "posting": ListPage(
                RecordTableModel("posting", self.connect_db, self),
                self.tr("New posting"),
                self.tr("Search postings: occupation, employer, work location"),
            ),
        }
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(False)
        titles = {
            "worker": self.tr("Workers"),
            "employer": self.tr("Employers"),
            "posting": self.tr("Postings"),
        }
        for kind, page in self.pages.items():
            self.tabs.addTab(page, titles[kind])
            page.new_requested.connect(self.new_record)
            page.edit_requested.connect(lambda record_id, k=kind: self.edit_record(k, record_id))
            page.selection_changed.connect(self._update_actions)
        self.tabs.currentChanged.connect(self._page_changed)
        self.setCentralWidget(self.tabs)

        self.status_label = QLabel()
        self.status_label.setObjectName("statusCounts")
        self.sync_label = QLabel()
        self.sync_label.setObjectName("syncStatus")
        self.statusBar().addPermanentWidget(self.sync_label)
        self.statusBar().addPermanentWidget(self.status_label)
        self.sync = SyncController(desk, self.tasks, self)
        self.sync.changed.connect(self.sync_label.setText)
        self.sync.pulled.connect(self.refresh_after_sync)
        self._build_menus()
        from station_desk.ui.board.desk_hook import install_board_action

        self.board_action = install_board_action(self)
        from station_desk.ui.help_actions import install_help_actions

        install_help_actions(self)
        from station_desk.ui.dashboard import install_report_actions

        install_report_actions(self)
        # Menus added by the features above go before 帮助, which stays last as everywhere.
        self.menuBar().removeAction(self.help_menu.menuAction())
        self.menuBar().addAction(self.help_menu.menuAction())
        from station_desk.ui.work_actions import install_work_actions

        self.work = install_work_actions(self)
        from station_desk.ui.account_actions import install_account_actions
        from station_desk.ui.card_reader import install_card_reader_actions
        from station_desk.ui.privacy_actions import install_privacy_actions
        from station_desk.ui.sync_health import install_sync_health

        install_privacy_actions(self)
        install_sync_health(self)
        install_card_reader_actions(self)
        # Last: it enables or hides the actions the others added by the signed-in role.
        install_account_actions(self)
        self.form: RecordForm | None = None
        self.refresh_all()

    # -- menus ------------------------------------------------------------------------------

    def _action(self, text: str, slot, *shortcuts: QKeySequence | str) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.import_action = self._action(self.tr("&Import ledger…"), self.import_ledger, "Ctrl+I")
        # The export dialog (asks for a reason, audited) is connected by install_privacy_actions.
        self.export_action = self._action(self.tr("&Export…"), lambda: None, "Ctrl+E")
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        self.station_action = self._action(self.tr("&Station profile…"), self.edit_station)
        file_menu.addAction(self.station_action)
        self.connect_action = self._action(
            self.tr("&Connect to the district server…"), self.connect_server
        )
        self.sync_action = self._action(self.tr("&Sync now"), self.sync_now, "F5")
        self.sync_log_action = self._action(
            self.tr("Sync &record (conflicts and merges)…"), self.show_sync_log
        )
        file_menu.addAction(self.connect_action)
        file_menu.addAction(self.sync_action)
        file_menu.addAction(self.sync_log_action)
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("E&xit"), self.close, QKeySequence.StandardKey.Quit)
        )

        record_menu = bar.addMenu(self.tr("&Records"))
        self.new_action = self._action(self.tr("&New…"), self.new_record, "Ctrl+N")
        self.edit_action = self._action(self.tr("&Edit… (Enter)"), self.edit_current, "F2")
        self.close_action = self._action(
            self.tr("&Deactivate / close"), self.close_current, "Ctrl+D"
        )
        self.find_action = self._action(self.tr("&Find"), self.focus_search, "Ctrl+F")
        for action in (self.new_action, self.edit_action, self.close_action):
            record_menu.addAction(action)
        record_menu.addSeparator()
        record_menu.addAction(self.find_action)
        for number, kind in enumerate(self.pages, start=1):
            self._action("", lambda _=False, k=kind: self.show_page(k), f"Alt+{number}")

        help_menu = self.help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts, "F1"))
        help_menu.addAction(self._action(self.tr("&About"), self.show_about))

    # -- pages ------------------------------------------------------------------------------

    @property
    def kind(self) -> str:
        return list(self.pages)[self.tabs.currentIndex()]

    @property
    def page(self) -> ListPage:
        return self.pages[self.kind]

    def show_page(self, kind: str) -> None:
        self.tabs.setCurrentWidget(self.pages[PAGE_KINDS.get(kind, kind)])

    def _page_changed(self) -> None:
        if self.kind in self._stale_pages:
            self._stale_pages.discard(self.kind)
            self.page.refresh()
        self.page.focus_search()
        self._update_actions()

    def _current_is_active(self) -> bool:
        """Whether the selected worker is seeking work / the selected posting is open."""
        record_id = self.page.current_id()
        if record_id is None or self.kind == "employer":
            return True
        with self.connect_db() as conn:
            return queries.is_active(conn, self.kind, record_id)

    def _update_actions(self) -> None:
        has_current = self.page.current_id() is not None
        self.edit_action.setEnabled(has_current)
        self.close_action.setEnabled(has_current and self.kind != "employer")
        if has_current and self.kind == "worker":
            with self.connect_db() as conn:
                if queries.is_erased(conn, self.page.current_id() or ""):
                    self.close_action.setEnabled(False)  # erased: nothing to deactivate or undo
        active = self._current_is_active()
        if self.kind == "worker":
            text = self.tr("&Deactivate worker") if active else self.tr("&Reactivate worker")
        else:
            text = self.tr("&Close posting") if active else self.tr("&Reopen posting")
        self.close_action.setText(text)

    def focus_search(self) -> None:
        self.page.focus_search()

    def records_changed(self) -> None:
        """Something was saved at this desk: show it, and send it to the district soon."""
        self.refresh_all()
        self.sync.local_change()

    def refresh_after_sync(self) -> None:
        """Records arrived: reload the page in view now, the others when they are shown, so
        the UI thread does not reload three long lists at once."""
        self._stale_pages = set(self.pages) - {self.kind}
        self.page.refresh_in_background(self.tasks)
        self.refresh_status_in_background()

    def refresh_all(self) -> None:
        self._stale_pages = set()
        for page in self.pages.values():
            page.refresh()
        self.refresh_status()
        self._update_actions()

    def refresh_status(self) -> None:
        with self.connect_db() as conn:
            self.show_counts(queries.counts(conn))

    def refresh_status_in_background(self) -> None:
        """The counts take ~40 ms at 100,000 workers: read them off the UI thread."""
        from station_desk.store.db import raw_connection

        path = self.desk.db.path

        def count() -> dict[str, int]:
            conn = raw_connection(path)
            try:
                return queries.counts(conn)
            finally:
                conn.close()

        self.tasks.run(count, self.show_counts)

    def show_counts(self, numbers: dict[str, int]) -> None:
        from station_desk.services.station import station_name

        name = station_name(self.desk)
        self.status_label.setText(
            self.tr("%1  ·  Workers: %2  ·  Employers: %3  ·  Open postings: %4")
            .replace("%1", name)
            .replace("%2", str(numbers["workers"]))
            .replace("%3", str(numbers["employers"]))
            .replace("%4", str(numbers["open_postings"]))
        )
        self.sync.refresh_text()

    # -- forms ------------------------------------------------------------------------------

    def _open_form(self, form: RecordForm, kind: str) -> RecordForm:
        self.form = form
        form.finished.connect(lambda result: self._form_finished(form, kind, result))
        form.open()
        return form

    def new_record(self) -> RecordForm:
        forms = {"worker": WorkerForm, "employer": EmployerForm, "posting": PostingForm}
        return self._open_form(forms[self.kind](self.desk, None, self), self.kind)

    def edit_record(self, kind: str, record_id: str) -> RecordForm:
        forms = {"worker": WorkerForm, "employer": EmployerForm, "posting": PostingForm}
        return self._open_form(forms[kind](self.desk, record_id, self), kind)

    def edit_current(self) -> None:
        record_id = self.page.current_id()
        if record_id:
            self.edit_record(self.kind, record_id)

    def _form_finished(self, form: RecordForm, kind: str, result: int) -> None:
        if self.form is form:
            self.form = None
        form.deleteLater()
        if result != form.DialogCode.Accepted:
            return
        page = self.pages[kind]
        existing = getattr(form, "open_existing_id", None)
        if form.saved_id or existing:
            page.search_box.blockSignals(True)
            page.search_box.clear()
            page.search_box.blockSignals(False)
        self.records_changed()
        if existing:
            page.select(existing)
            self.statusBar().showMessage(self.tr("Already registered; opened the record."), 8000)
            self.edit_record(kind, existing)
            return
        if form.saved_id:
            page.select(form.saved_id)
            page.view.setFocus()
            self.statusBar().showMessage(self.tr("Saved."), 5000)
        if form.warnings:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Please note"),
                "\n".join(form.warnings),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.open()

    def connect_server(self) -> ConnectDialog:
        dialog = ConnectDialog(self.desk, self.tasks, self)

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and dialog.connected:
                self.statusBar().showMessage(
                    self.tr("Connected as %1.").replace("%1", dialog.connected["name"]), 8000
                )
                self.sync.start()
                self.refresh_status()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def sync_now(self) -> None:
        self.sync.last_error = None
        self.sync.sync_now()

    def show_sync_log(self) -> SyncLogDialog:
        dialog = SyncLogDialog(self.desk, self)
        dialog.open()
        return dialog

    def edit_station(self) -> RecordForm:
        from station_desk.ui.station_form import StationForm

        form = StationForm(self.desk, None, self)
        form.finished.connect(lambda _result: self.refresh_status())
        form.open()
        self.form = form
        return form

    def close_current(self) -> None:
        record_id = self.page.current_id()
        if not record_id or self.kind == "employer":
            return
        if not self._current_is_active():
            self.reopen_current(record_id)
            return
        if self.kind == "worker":
            answer = QMessageBox.question(
                self,
                self.tr("Deactivate worker"),
                self.tr("Mark this worker as no longer looking for work? The record is kept."),
            )
            if answer == QMessageBox.StandardButton.Yes:
                workers.deactivate_worker(self.desk, record_id)
        else:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("Close posting"),
                self.tr("Take this posting off the board?"),
                parent=self,
            )
            filled = box.addButton(self.tr("All places filled"), QMessageBox.ButtonRole.AcceptRole)
            closed = box.addButton(self.tr("Withdrawn"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() in (filled, closed):
                status = "filled" if box.clickedButton() is filled else "closed"
                postings.close_posting(self.desk, record_id, status)
        self.records_changed()

    def reopen_current(self, record_id: str) -> None:
        """Undo a deactivation or a closing: the worker seeks work again / the posting is open."""
        if self.kind == "worker":
            try:
                workers.set_worker_status(self.desk, record_id, active=True)
            except ValidationFailed as refused:  # an erased person cannot come back
                self.statusBar().showMessage(str(refused), 8000)
                return
            self.statusBar().showMessage(self.tr("The worker is looking for work again."), 5000)
        else:
            postings.reopen_posting(self.desk, record_id)
            self.statusBar().showMessage(self.tr("The posting is open again."), 5000)
        self.records_changed()
        self.page.select(record_id)

    # -- import / export -------------------------------------------------------------------

    def import_ledger(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import ledger"),
            str(Path.home()),
            self.tr("Ledgers (*.xlsx *.csv)"),
        )
        if path:
            self.start_import(Path(path))

    def start_import(self, path: Path) -> ImportDialog:
        dialog = ImportDialog(self.desk, self.tasks, path, self.records_changed, self)
        dialog.open()
        return dialog

    # -- help -------------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        QMessageBox.information(
            self,
            self.tr("Keyboard shortcuts"),
            self.tr(
                "Ctrl+N  new record\nEnter or F2  edit the selected record\n"
                "Ctrl+D  deactivate worker / close posting\nCtrl+F  search; Esc clears it; "
                "Down moves into the list\nAlt+1 / Alt+2 / Alt+3  workers / employers / postings\n"
                "In forms: Tab next field, Enter save, Ctrl+Enter save from a note, Esc cancel\n"
                "Ctrl+I  import ledger, Ctrl+E  export"
            )
            + "\n"
            + self.tr(
                "Ctrl+M  matches for the selected worker or posting (Enter refers)\n"
                "F6  referral follow-up, F7  hardship ledger (131), Ctrl+Shift+L  log a service\n"
                "F8  rights cases, F9  tool lending"
            )
            + "\n"
            + self.tr("Ctrl+L  lock the desk (unlock with your password)"),
        )

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Station Desk"),
            self.tr(
                "Station Desk %1\nRegistration, matching and ledgers for gig-work stations."
            ).replace("%1", __version__),
        )

    def closeEvent(self, event) -> None:
        self.sync.stop()  # a running sync ends at its next step; what it stored stays
        self.tasks.wait(60_000)
        super().closeEvent(event)


__all__ = ["PAGE_KINDS", "MainWindow"]
