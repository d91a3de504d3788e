"""Secret files on Windows (issue 21): Notepad and PowerShell 5.1 (``Set-Content -Encoding UTF8``) put a byte-order
mark in front of UTF-8 text and end lines with CRLF; Notepad on a Chinese Windows may save as ANSI (GBK). The
password or passphrase read from such a file is the one the person typed — or one clear sentence, no traceback."""

from __future__ import annotations

import pytest

from credit_desk.cli.common import read_secret_file
from credit_desk.domain.errors import DomainError

SECRET = "清江浦 Adm1n-密码-2026!"


@pytest.mark.parametrize("raw", [SECRET.encode() + b"\n", b"\xef\xbb\xbf" + SECRET.encode() + b"\r\n",
                                 b"\xef\xbb\xbf" + SECRET.encode()])
def test_secret_file_with_bom_and_crlf_gives_the_typed_secret(tmp_path, raw):
    path = tmp_path / "admin.pw"
    path.write_bytes(raw)
    assert read_secret_file(str(path)) == SECRET


def test_secret_file_saved_as_gbk_says_one_sentence(tmp_path):
    path = tmp_path / "admin.pw"
    path.write_bytes(SECRET.encode("gbk") + b"\r\n")
    with pytest.raises(DomainError) as err:
        read_secret_file(str(path))
    assert err.value.code == "FILE_NOT_UTF8" and "UTF-8" in err.value.zh and str(path) in err.value.zh
