"""What the clerk is told when this desktop has no keyring (issue 21, R14): in plain Chinese first, then English.

A desktop without a Secret Service daemon (a bare UOS/Kylin install, a kiosk account, a remote session) cannot
keep the ledger key, so every start asks for the recovery passphrase. That is safe — the ledger stays encrypted
— but the clerk must know why, what to do about it, and that a failed "store the key again" did not work.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

TITLE = "系统钥匙串 / System keyring"

_WHAT_ZH = ("本机没有可用的系统钥匙串（保存密码和密钥的系统服务）。\n"
            "这意味着：账本仍然加密，数据不受影响；但本机无法记住账本的密钥，"
            "所以每次打开程序都要输入恢复口令才能打开账本。")
_HOW_ZH = ("怎样设置：请本单位信息管理员在这台电脑上安装钥匙串服务，然后注销并重新登录——\n"
           "  • 统信UOS、银河麒麟、Debian（DDE、UKUI、GNOME 桌面）：sudo apt install gnome-keyring\n"
           "  • KDE 桌面：sudo apt install kwalletmanager（启用 KWallet）\n"
           "设置好以后，用恢复口令解锁时勾选“将密钥重新存入系统钥匙串”，以后启动就不再需要口令。\n"
           "在此之前：每次用恢复口令解锁即可。请妥善保管恢复口令——遗失后任何人都无法再打开账本。")
_WHAT_EN = ("This PC has no usable system keyring (the service that keeps passwords and keys). The ledger is "
            "still encrypted and nothing is lost, but the PC cannot remember the ledger key, so every start "
            "asks for the recovery passphrase.")
_HOW_EN = ("To set one up, the office's IT administrator installs a keyring service on this PC, then you log "
           "out and in again: UOS, Kylin, Debian (DDE, UKUI, GNOME): sudo apt install gnome-keyring; KDE: "
           "sudo apt install kwalletmanager (enable KWallet). Then unlock once with the recovery passphrase "
           "and tick \"store the key in the system keyring again\". Until then, unlock with the recovery "
           "passphrase each time, and keep it safe: without it nobody can open the ledger.")


def no_keyring_text() -> str:
    """The explanation shown on the first start (and at unlock) when there is no keyring service."""
    return f"{_WHAT_ZH}\n\n{_HOW_ZH}\n\n{_WHAT_EN}\n\n{_HOW_EN}"


def store_failed_text(problem: str | None, available: bool) -> str:
    """After "store the key again" failed: say so, with the keyring's reason, then what it means."""
    why = f"（{problem}）" if problem else ""
    head = (f"未能把密钥存入系统钥匙串{why}。账本已经用恢复口令打开，可以照常工作；下次启动仍需输入恢复口令。\n"
            f"The key could not be stored in the system keyring{f' ({problem})' if problem else ''}. The ledger "
            "is open with the recovery passphrase and you can work as usual; the next start asks for the "
            "passphrase again.")
    if not available:
        return f"{head}\n\n{no_keyring_text()}"
    return (f"{head}\n\n钥匙串可能处于锁定状态或拒绝了写入：请先解锁系统钥匙串（登录密码），再试一次。\n"
            "The keyring may be locked or refused the write: unlock it (your login password) and try again.")


def message_box(parent: QWidget | None, text: str, warning: bool = False) -> QMessageBox:
    """The message box with the text (selectable, so IT can copy the command)."""
    box = QMessageBox(QMessageBox.Warning if warning else QMessageBox.Information, TITLE, text,
                      QMessageBox.Ok, parent)
    box.setObjectName("keyringHelp")
    box.setTextInteractionFlags(Qt.TextSelectableByMouse)
    return box


def tell(parent: QWidget | None, text: str, warning: bool = False) -> None:
    """The message box, modal."""
    message_box(parent, text, warning).exec()
