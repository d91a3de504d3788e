<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="103"/>
        <source>Sign in — %1</source>
        <translation>登录 — %1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="105"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="106"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="17"/>
        <source>Credit Desk — %1</source>
        <translation>信用办台账 — %1</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="21"/>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="24"/>
        <source>Signed in as %1 (%2). The ledger is open and encrypted.</source>
        <translation>当前用户：%1（%2）。账本已打开，数据加密保存。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/main_window.py" line="30"/>
        <source>Office: %1    Region: %2</source>
        <translation>单位：%1    行政区划：%2</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="58"/>
        <source>Set up this office&apos;s ledger</source>
        <translation>新建本单位账本</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="60"/>
        <source>No ledger was found on this PC. Enter the office details to create an encrypted ledger.</source>
        <translation>本机还没有账本。请填写单位信息，新建一个加密账本。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="64"/>
        <source>Office name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="65"/>
        <source>Region code (6 digits)</source>
        <translation>行政区划代码（6位）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="66"/>
        <source>Administrator user name</source>
        <translation>管理员用户名</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="67"/>
        <source>Administrator password</source>
        <translation>管理员密码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="68"/>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="69"/>
        <source>Recovery passphrase (12+ characters)</source>
        <translation>恢复口令（至少12个字符）</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="70"/>
        <source>Repeat recovery passphrase</source>
        <translation>再次输入恢复口令</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="86"/>
        <source>Unlock the ledger</source>
        <translation>解锁账本</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="88"/>
        <source>The system keyring holds no key for this ledger. Enter the recovery passphrase to open it.</source>
        <translation>系统钥匙串中没有本账本的密钥。请输入恢复口令打开账本。</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="92"/>
        <source>Recovery passphrase</source>
        <translation>恢复口令</translation>
    </message>
    <message>
        <location filename="../../credit_desk/gui/start_dialogs.py" line="93"/>
        <source>Store the key in the system keyring again</source>
        <translation>将密钥重新存入系统钥匙串</translation>
    </message>
</context>
</TS>
