"""Every way a bundle is refused, one sentence each (Chinese first). Nothing is applied on a refusal."""

from __future__ import annotations

from credit_desk.domain.errors import DomainError


class BundleRefused(DomainError):
    """A bundle, receipt or downstream file that is refused whole; ``code`` is stable and documented."""


_TEXT: dict[str, tuple[str, str]] = {
    "BUNDLE_NOT_A_BUNDLE": ("该文件不是同步包（文件头不符）。", "The file is not a bundle (wrong header)."),
    "BUNDLE_TRUNCATED": ("同步包不完整（文件被截断或长度字段不符），拒绝接收。",
                         "The bundle is truncated or a length field is wrong; it is refused."),
    "BUNDLE_TRAILING_DATA": ("同步包末尾有多余数据，拒绝接收。", "The bundle has extra bytes at its end; it is refused."),
    "BUNDLE_UNSAFE_NAME": ("同步包内的成员名「{name}」含路径、绝对路径或非法字符，拒绝接收。",
                           "A member name in the bundle ({name!r}) is a path, absolute or unsafe; it is refused."),
    "BUNDLE_MEMBERS": ("同步包成员不符合格式（应依次为 manifest.json、manifest.sig、payload.bin）。",
                       "The bundle members are not manifest.json, manifest.sig, payload.bin in that order."),
    "BUNDLE_OVERSIZED": ("同步包超过允许的大小（{what}），拒绝接收。",
                         "The bundle exceeds the allowed size ({what}); it is refused."),
    "BUNDLE_BOMB": ("同步包的载荷解压后超出声明的大小（疑似压缩炸弹），拒绝接收。",
                    "The payload expands beyond its declared size (a decompression bomb); it is refused."),
    "BUNDLE_MANIFEST_BAD": ("同步包清单 manifest.json 格式不对：{why}。", "The bundle manifest is malformed: {why}."),
    "BUNDLE_BAD_SIGNATURE": ("同步包签名校验失败，文件可能被篡改，拒绝接收。",
                             "The bundle signature does not verify; the file may have been tampered with."),
    "BUNDLE_UNKNOWN_KEY": ("同步包由未登记的密钥签名（指纹 {fp}），拒绝接收。",
                           "The bundle is signed by an unregistered key (fingerprint {fp}); it is refused."),
    "BUNDLE_WRONG_RECIPIENT": ("同步包不是发给本单位的（接收方密钥不符），拒绝接收。",
                               "The bundle is addressed to another recipient; it is refused."),
    "BUNDLE_REPLAY": ("序号为 {seq} 的同步包已接收过，拒绝重复接收。",
                      "Bundle number {seq} was already received; a replay is refused."),
    "BUNDLE_SEQUENCE_GAP": ("同步包序号不连续：应为 {want}，收到 {got}，请先报送缺少的同步包。",
                            "Bundle sequence gap: expected {want}, got {got}; send the missing bundles first."),
    "BUNDLE_CHAIN_BROKEN": ("同步包的“上一包哈希”与已接收的上一包不符，拒绝接收。",
                            "The bundle's previous-bundle hash does not match the last bundle received."),
    "BUNDLE_CHANGES_REPLAYED": ("同步包的变更编号（自 {first} 起）不在已接收的变更（至 {last}）之后：同一变更不会接收两次，拒绝接收。",
                                "The bundle's change ids (from {first}) do not follow the changes already received "
                                "(up to {last}): a change is never received twice; it is refused."),
    "BUNDLE_EXPIRED": ("同步包已于 {at} 过期，拒绝接收。", "The bundle expired at {at}; it is refused."),
    "BUNDLE_SUITE_NOT_ALLOWED": ("同步包使用的密码套件「{suite}」不在本单位配置的范围内（{allowed}），拒绝接收。",
                                 "The bundle's suite {suite!r} is not configured for this office ({allowed}); "
                                 "it is refused."),
    "BUNDLE_SUITE_DOWNGRADE": ("密码套件降级：已接收过「{last}」的同步包，不再接受「{suite}」，拒绝接收。",
                               "Suite downgrade: bundles in {last!r} were already accepted; {suite!r} is refused."),
    "BUNDLE_KEY_RETIRED": ("同步包由单位已更换的旧签名密钥签署，序号 {seq} 超过该密钥签署的最后一个同步包（序号 {last}），"
                           "拒绝接收（无论其声称的制作时间）。",
                           "The bundle is signed by the office's rotated-out key and its sequence {seq} is above the "
                           "last bundle that key signed ({last}); it is refused, whatever date it claims."),
    "BUNDLE_SUITE_MISMATCH": ("同步包声明的密码套件「{suite}」与签名密钥的算法不符，拒绝接收。",
                              "The bundle names suite {suite!r} but its signing key is of another suite."),
    "BUNDLE_PAYLOAD_HASH": ("同步包载荷的哈希（SHA-256/SM3）与清单不符，文件已损坏或被篡改。",
                            "The payload hash (SHA-256/SM3) does not match the manifest; the file is damaged or tampered."),
    "BUNDLE_DECRYPT_FAILED": ("同步包载荷无法解密（密钥不符或内容被篡改），拒绝接收。",
                              "The payload cannot be decrypted (wrong key or tampered content)."),
    "BUNDLE_PAYLOAD_BAD": ("同步包载荷第{row}行格式不对：{why}。", "Payload line {row} is malformed: {why}."),
    "BUNDLE_WRONG_TYPE": ("此处不接受类型为「{kind}」的文件。", "A file of type {kind!r} is not accepted here."),
    "BUNDLE_UNKNOWN_OFFICE": ("平台未登记该单位（{office}），请先登记单位公钥。",
                              "The platform has not registered office {office}; register its public keys first."),
    "RECEIPT_UNKNOWN_BUNDLE": ("回执所对应的同步包（序号 {seq}）不是本单位发出的或内容不符。",
                               "The receipt answers a bundle (number {seq}) this office did not send."),
    "RECEIPT_REPLAY": ("序号为 {seq} 的同步包的回执已导入过。", "The receipt for bundle {seq} was already imported."),
    "DOWNSTREAM_ROLLBACK": ("「{kind}」的版本 {got} 不新于已应用的版本 {have}，旧版本不能替换新版本。",
                            "{kind} version {got} is not newer than the applied version {have}; "
                            "an older edition never replaces a newer one."),
    "DOWNSTREAM_ITEM_BAD": ("下发更新第{row}项（{kind}）有误：{why}", "Downstream item {row} ({kind}) is invalid: {why}"),
    # only the administrator may import it (keys.manage): a head or clerk is told whom to ask, not shown a button
    # they cannot press (clerk17b)
    "NO_PLATFORM_KEY": ("尚未导入市平台公钥：须由本单位管理员在“同步”页导入市平台的公钥文件，并与市平台电话核对指纹。",
                        "No platform key is pinned yet: the office's administrator imports the platform's key file "
                        "on the Sync page and compares its fingerprint with the platform by phone."),
}


_CLI = {"NO_PLATFORM_KEY": "credit-desk keys import-platform 文件"}  # printed by the CLI only (issue 17 item 5)


def refused(code: str, **fmt) -> BundleRefused:
    zh, en = _TEXT[code]
    return BundleRefused(code, zh.format(**fmt), en.format(**fmt), cli=_CLI.get(code))


def all_codes() -> dict[str, tuple[str, str]]:
    return dict(_TEXT)
