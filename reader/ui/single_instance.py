"""One window per library: a second launch hands its files to the first and exits.

The window that holds a library listens on a local socket named after the
library's path (as calibre and Zotero do); a later launch on the same
library connects, sends the pages it was asked to import as one JSON line,
waits for "ok" and exits, and the first window comes to the front and
imports them. Only the holder of the library's lock listens, so a socket
left by a crashed window is removed and taken over safely.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

CONNECT_MS = 1000
REPLY_MS = 5000
OK = b"ok\n"


def server_name(library: str | Path) -> str:
    """A socket name unique to this user and this library file, short enough for any platform."""
    key = f"{getpass.getuser()}\0{Path(library).resolve()}"
    return "reader-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def hand_over(library: str | Path, paths: list[str]) -> bool:
    """Give ``paths`` to the window that has ``library`` open; False if none answers."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(library))
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(json.dumps({"paths": paths}).encode("utf-8") + b"\n")
    socket.flush()
    answered = b""
    while OK not in answered and socket.waitForReadyRead(REPLY_MS):
        answered += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return OK in answered


class InstanceServer(QObject):
    """Listens for later launches on the same library; ``paths_received`` carries their files."""

    paths_received = Signal(list)

    def __init__(self, library: str | Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)
        name = server_name(library)
        QLocalServer.removeServer(name)  # left by a window that crashed; we hold the library's lock
        if not self._server.listen(name):
            log.warning("a second launch cannot reach this window: %s", self._server.errorString())

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        self._server.close()

    def _on_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.setParent(self)
            buffer = bytearray()
            socket.readyRead.connect(lambda s=socket, b=buffer: self._on_ready(s, b))
            socket.disconnected.connect(socket.deleteLater)

    def _on_ready(self, socket: QLocalSocket, buffer: bytearray) -> None:
        buffer += bytes(socket.readAll().data())
        if b"\n" not in buffer:
            return
        line = bytes(buffer).split(b"\n", 1)[0]
        try:
            paths = [str(p) for p in json.loads(line.decode("utf-8"))["paths"]]
        except (ValueError, KeyError, TypeError):
            log.warning("a second launch sent something unreadable: %r", line[:200])
            socket.disconnectFromServer()
            return
        socket.write(OK)
        socket.flush()
        socket.disconnectFromServer()
        self.paths_received.emit(paths)
