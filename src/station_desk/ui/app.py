"""Start the desk: the QApplication, font and translator, the database, the main window."""

from __future__ import annotations

import gc
import logging
import os
import sys

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from station_desk.paths import Paths
from station_desk.ui.resources import resources_dir, translations_dir
from station_desk.ui.theme import apply_theme

log = logging.getLogger(__name__)
APP_NAME = "驿站工作台"
SCREEN_SIZE = (1366, 768)
EXIT_DATABASE = 3
DEMO_WORKERS = 2000
DEMO_POSTINGS = 300


def install_translator(app: QApplication, locale: str = "zh_CN") -> bool:
    """Load resources/translations/station_desk_<locale>.qm (and Qt's own dialogs' strings)."""
    existing = getattr(app, "_desk_translators", None)
    if existing:
        return True
    translators: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(f"station_desk_{locale}", str(translations_dir())):
        app.installTranslator(ours)
        translators.append(ours)
    else:
        log.warning("translation station_desk_%s.qm not found in %s", locale, translations_dir())
    from PySide6.QtCore import QLibraryInfo

    qt_base = QTranslator(app)
    if qt_base.load(
        QLocale(locale), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_base)
        translators.append(qt_base)
    app._desk_translators = translators  # type: ignore[attr-defined]  # keep them alive
    return bool(translators) and translators[0] is ours


def make_app(offscreen: bool = False) -> QApplication:
    app = QApplication.instance()
    if app is None:
        if offscreen and "QT_QPA_PLATFORM" not in os.environ:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("StationDesk")
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    apply_theme(app)
    install_translator(app)
    icon = resources_dir() / "icons" / "station-desk.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def keep_window_responsive() -> None:
    """Background sync and imports run Python in worker threads, and the window's thread
    waits whenever one of them holds the interpreter lock. A 1 ms switch interval (5 ms by
    default) gives the window its turns sooner, and freezing the objects alive now keeps
    them out of the garbage collector's full passes, which hold the lock for as long as they
    take (hundreds of milliseconds with a large heap). bench/bench_sync.py measures it."""
    sys.setswitchinterval(0.001)
    gc.collect()
    gc.freeze()


def run_desk(paths: Paths, screenshot: str | None = None, page: str = "workers") -> int:
    """Open the desk (or render it to a PNG with screenshot) and return the exit code."""
    app = make_app(offscreen=screenshot is not None)
    keep_window_responsive()
    from station_desk.services.context import Desk
    from station_desk.store.db import Database, DatabaseError
    from station_desk.store.migrations import NewerSchemaError

    try:
        database = Database(paths.database)
    except (DatabaseError, NewerSchemaError) as error:
        if screenshot is not None:
            print(str(error), file=sys.stderr)
            return EXIT_DATABASE
        restored = offer_last_backup(paths, error) if isinstance(error, DatabaseError) else False
        if not restored:
            return EXIT_DATABASE
        database = Database(paths.database)

    from station_desk.ui.background import TaskManager
    from station_desk.ui.first_run import apply_admin_name, is_connected, needs_first_run
    from station_desk.ui.main_window import MainWindow

    desk = Desk(database)
    tasks = TaskManager()
    if screenshot is not None:  # renders what is there; signs nobody in, asks nothing
        apply_admin_name(desk)
        window = MainWindow(desk, tasks)
        window.show_page(page)
        return _screenshot(app, window, screenshot, database)
    account = None
    if needs_first_run(desk):
        from station_desk.ui.first_run import run_first_run

        account = run_first_run(desk, tasks).account
    if account is None:
        account = sign_in_at_start(desk)
    if account is None:  # closed without signing in: the desk does not open
        tasks.wait()
        database.close()
        return 0
    window = MainWindow(desk, tasks)
    window.accounts.signed_in(account)
    window.show_page(page)
    window.show()
    window.page.focus_search()
    keep_window_responsive()  # what start-up made stays: out of the collector's full passes
    window.sync.start()
    from station_desk.services.backup import daily_backup_if_due

    tasks.run(lambda: daily_backup_if_due(paths))
    from station_desk.services.demo import database_is_empty

    # Demo data would be pushed to the district, so a connected desk is not offered it.
    if database_is_empty(desk) and not is_connected(desk):
        offer_demo(window)
    code = app.exec()
    tasks.wait()
    database.close()
    return code


def sign_in_at_start(desk):
    """Before the main window: the sign-in dialog, or on a desk with no account yet (an
    upgraded desk, demo data) the first administrator's. None when it was closed."""
    from station_desk.services.accounts import has_accounts
    from station_desk.ui.login import ask_first_admin, ask_sign_in

    return ask_sign_in(desk) if has_accounts(desk) else ask_first_admin(desk)


def _screenshot(app: QApplication, window, png: str, database) -> int:
    from PySide6.QtCore import Qt

    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.resize(*SCREEN_SIZE)
    window.show()
    window.page.view.setFocus()
    if window.page.model.rowCount():
        window.page.select(window.page.model.record_id(0) or "")
    app.processEvents()
    ok = window.grab().save(png)
    window.close()
    window.deleteLater()
    app.processEvents()
    database.close()
    if not ok:
        print(f"无法写入截图：{png}", file=sys.stderr)
        return 2
    return 0


def offer_last_backup(paths: Paths, error: Exception) -> bool:
    """The database cannot be opened: say so, and offer the newest good backup. The damaged
    file is never overwritten: restoring sets it aside (station.db.before-restore-…)."""
    from station_desk.services.backup import restore
    from station_desk.store.backup import list_backups

    backups = list_backups(paths.backups)
    text = QCoreApplication.translate(
        "App",
        "The database could not be opened, so the desk did not start.\n\n%1\n\n"
        "The database file has not been changed.",
    ).replace("%1", str(error))
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, text)
    use_backup = None
    if backups:
        newest = backups[-1]
        box.setInformativeText(
            QCoreApplication.translate(
                "App", "The newest backup is from %1. Restore it? The damaged file is kept aside."
            ).replace("%1", newest.made_at.strftime("%Y-%m-%d %H:%M"))
        )
        use_backup = box.addButton(
            QCoreApplication.translate("App", "Restore the newest backup"),
            QMessageBox.ButtonRole.AcceptRole,
        )
    box.addButton(QCoreApplication.translate("App", "Close"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if use_backup is None or box.clickedButton() is not use_backup:
        return False
    try:
        restore(paths, backups[-1].path, force=True)
    except Exception as failure:  # the backup itself is unusable: say so, change nothing more
        log.error("restore at start failed: %s", failure)
        QMessageBox.critical(
            None,
            APP_NAME,
            QCoreApplication.translate("App", "The backup could not be restored: %1").replace(
                "%1", str(failure)
            ),
        )
        return False
    return True


def offer_demo(window) -> None:
    """Ask whether to fill an empty database with demo data; fill it off the UI thread."""
    answer = QMessageBox.question(
        window,
        APP_NAME,
        QCoreApplication.translate(
            "App",
            "There are no registrations yet.\nFill the desk with demo data (%1 workers, %2 "
            "postings) to get to know it?\n\nDemo data is for training; use a new data folder "
            "before real work.",
        )
        .replace("%1", str(DEMO_WORKERS))
        .replace("%2", str(DEMO_POSTINGS)),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    progress = QProgressDialog(
        QCoreApplication.translate("App", "Creating demo data…"), "", 0, 0, window
    )
    progress.setCancelButton(None)
    progress.setWindowTitle(APP_NAME)
    progress.setMinimumDuration(0)
    progress.show()

    def work():
        from station_desk.services.demo import fill_demo

        return fill_demo(
            window.desk, workers=DEMO_WORKERS, postings=DEMO_POSTINGS, employers=None, seed=None
        )

    def done(_result) -> None:
        progress.close()
        window.refresh_all()

    def failed(error: Exception) -> None:
        progress.close()
        QMessageBox.warning(
            window,
            APP_NAME,
            QCoreApplication.translate("App", "Demo data could not be created: %1").replace(
                "%1", str(error)
            ),
        )

    window.tasks.run(work, done, failed)
