"""The desk's daily-work menu (工作): matches, referral follow-up, 帮扶台账, services,
rights cases, tool lending and 即时快招, each one key away; and the 大龄 line setting.

    from station_desk.ui.work_actions import install_work_actions
    window.work = install_work_actions(window)
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from station_desk.services import quick_hire as quick
from station_desk.ui.case_dialogs import CasesDialog, ToolsDialog
from station_desk.ui.quick_hire import QuickHireDialog, QuickHireMenu
from station_desk.ui.settings_dialogs import OlderAgeDialog
from station_desk.ui.work_dialogs import FollowUpDialog, HardshipDialog, MatchDialog, ServiceForm


class WorkActions(QObject):
    """Opens the work dialogs for a main window (which has .desk, .kind, .page,
    .records_changed and .connect_db)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QDialog | None = None
        bar = window.menuBar()
        menu = QMenu(self.tr("&Work"), window)
        existing = bar.actions()
        if existing:  # before 帮助, which stays last
            bar.insertMenu(existing[-1], menu)
        else:
            bar.addMenu(menu)
        self.actions: dict[str, QAction] = {}
        for name, text, key, slot in (
            ("matches", self.tr("&Matches for the selected record"), "Ctrl+M", self.matches),
            ("follow_up", self.tr("Referral &follow-up"), "F6", self.follow_up),
            ("hardship", self.tr("&Hardship ledger (131)"), "F7", self.hardship),
            (
                "service",
                self.tr("&Log a service for the selected worker"),
                "Ctrl+Shift+L",  # Ctrl+L locks the desk
                self.service,
            ),
            ("cases", self.tr("&Rights cases"), "F8", self.cases),
            ("tools", self.tr("&Tool lending"), "F9", self.tools),
            (
                "quick_hire",
                self.tr("Quic&k hire for the selected posting"),
                "Ctrl+K",
                self.quick_hire,
            ),
            ("older_ages", self.tr("&Older-worker age line…"), "", self.older_ages),
        ):
            action = QAction(text, window)
            if key:
                action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _=False, s=slot: s())
            window.addAction(action)
            menu.addAction(action)
            self.actions[name] = action
        # 即时快招: today's quick postings and how far each got, one entry each.
        self.quick_menu = QuickHireMenu(lambda: window.desk, self.quick_hire, window)  # type: ignore[attr-defined]
        menu.insertMenu(self.actions["older_ages"], self.quick_menu)

    # -- what is selected in the desk ----------------------------------------------------

    def _selected(self) -> tuple[str, str] | None:
        record_id = self.window.page.current_id()  # type: ignore[attr-defined]
        return (self.window.kind, record_id) if record_id else None  # type: ignore[attr-defined]

    def _name(self, kind: str, record_id: str) -> str:
        with self.window.connect_db() as conn:  # type: ignore[attr-defined]
            row = conn.execute(f"SELECT name FROM {kind} WHERE id = ?", (record_id,)).fetchone()
        return str(row[0]) if row else ""

    def _changed(self) -> None:
        self.window.records_changed()  # type: ignore[attr-defined]

    def _show(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._back(dialog))
        dialog.open()
        return dialog

    def _back(self, dialog: QDialog) -> None:
        """Back at the desk where the user left it."""
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        self.window.activateWindow()
        self.window.page.view.setFocus()  # type: ignore[attr-defined]

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 6000)

    # -- actions ------------------------------------------------------------------------

    def matches(self, worker_id: str | None = None) -> QDialog | None:
        selected = ("worker", worker_id) if worker_id else self._selected()
        if selected is None or selected[0] not in ("worker", "posting"):
            self._status(self.tr("Select a worker or a posting first."))
            return None
        desk = self.window.desk  # type: ignore[attr-defined]
        dialog = MatchDialog(desk, selected[0], selected[1], self._changed, self.window)
        if worker_id:  # opened from another dialog: on top of it
            owner = self.dialog or self.window
            dialog.setParent(owner, dialog.windowFlags())
            dialog.finished.connect(lambda _result: (owner.activateWindow(), dialog.deleteLater()))
            dialog.open()
            return dialog
        return self._show(dialog)

    def follow_up(self) -> QDialog:
        return self._show(FollowUpDialog(self.window.desk, self._changed, self.window))  # type: ignore[attr-defined]

    def hardship(self) -> QDialog:
        desk = self.window.desk  # type: ignore[attr-defined]
        return self._show(HardshipDialog(desk, self._changed, self.matches, self.window))

    def service(self) -> QDialog | None:
        selected = self._selected()
        if selected is None or selected[0] != "worker":
            self._status(self.tr("Select a worker first."))
            return None
        desk = self.window.desk  # type: ignore[attr-defined]
        return self._show(ServiceForm(desk, selected[1], "guidance", self._changed, self.window))

    def cases(self) -> QDialog:
        selected = self._selected()
        party: tuple[str | None, str | None] = (None, None)
        name = ""
        if selected and selected[0] == "worker":
            party, name = (selected[1], None), self._name("worker", selected[1])
        elif selected and selected[0] == "employer":
            party, name = (None, selected[1]), self._name("employer", selected[1])
        desk = self.window.desk  # type: ignore[attr-defined]
        return self._show(CasesDialog(desk, party, name, self._changed, self.window))

    def tools(self) -> QDialog:
        selected = self._selected()
        worker = None
        if selected and selected[0] == "worker":
            worker = (selected[1], self._name("worker", selected[1]))
        desk = self.window.desk  # type: ignore[attr-defined]
        return self._show(ToolsDialog(desk, worker, self._changed, self.window))

    def quick_hire(self, posting_id: str | None = None) -> QDialog | None:
        """即时快招 for the selected quick posting (or the one chosen in the menu)."""
        desk = self.window.desk  # type: ignore[attr-defined]
        if posting_id is None:
            selected = self._selected()
            if selected is None or selected[0] != "posting":
                self._status(self.tr("Select a quick posting first."))
                return None
            posting_id = selected[1]
            if not quick.is_quick(desk, posting_id):
                self._status(self.tr("This posting is not marked as a same-day quick hire."))
                return None
        return self._show(QuickHireDialog(desk, posting_id, self.window, self._changed))

    def older_ages(self) -> QDialog:
        desk = self.window.desk  # type: ignore[attr-defined]
        return self._show(OlderAgeDialog(desk, self._changed, self.window))


def install_work_actions(window: QMainWindow) -> WorkActions:
    return WorkActions(window)


__all__ = ["WorkActions", "install_work_actions"]
