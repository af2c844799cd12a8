from PySide6.QtCore import QCoreApplication, QStandardPaths

from reader.paths import APP_NAME, default_library_path


def test_the_cli_and_the_window_share_qts_app_data_folder(qapp, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    previous = (QCoreApplication.organizationName(), QCoreApplication.applicationName())
    QCoreApplication.setOrganizationName("")
    QCoreApplication.setApplicationName(APP_NAME)
    try:
        qt_folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    finally:
        QCoreApplication.setOrganizationName(previous[0])
        QCoreApplication.setApplicationName(previous[1])
    assert default_library_path().parent.as_posix() == qt_folder
    assert default_library_path().parent == tmp_path / APP_NAME
