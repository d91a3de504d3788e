; Inno Setup 6 script: the Windows installer for credit_desk (信用办台账).
; Packs the PyInstaller one-folder build (build\pyinstaller\dist\credit-desk); see BUILD.md.
;
;   iscc /DAppVersion=0.1.0 installer\windows\credit_desk.iss     -> dist\credit-desk-setup-0.1.0.exe
;
; Per-machine install into Program Files, Start-menu entry, upgrade in place (same AppId), and an
; uninstaller that keeps every ledger unless the user ticks the box to delete their own.
; The ledger is never in the program folder: it lives in each user's %LOCALAPPDATA%\credit_desk.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "信用办台账"
#define AppNameEn "Credit Desk"
#define BundleDir "..\..\build\pyinstaller\dist\credit-desk"

[Setup]
; The AppId is fixed for ever: a new version with the same AppId upgrades the installed one in place.
AppId={{6B1F3C52-9E0A-4D7B-8C21-5F4E9A7D3B10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=credit_desk
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppNameEn}
DefaultDirName={autopf}\CreditDesk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=credit-desk-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\credit-desk.ico
UninstallDisplayIcon={app}\credit-desk-gui.exe
UninstallDisplayName={#AppName} ({#AppNameEn})
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
; Chinese first when the .isl is available (bundled with newer Inno Setup, or placed beside this script).
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.DesktopIcon=Create a desktop shortcut
english.Launch=Start Credit Desk now
english.Uninstall=Uninstall Credit Desk
english.DeleteTitle=Uninstall Credit Desk
english.KeepNote=The ledger in your data folder is kept, so a later install opens it again.
english.DeleteBox=Also delete MY ledger and its backups (%1). This cannot be undone.
english.DeleteConfirm=Delete the ledger and all its backups in %1 for good?
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl") || FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
chinesesimplified.DesktopIcon=创建桌面快捷方式
chinesesimplified.Launch=立即启动信用办台账
chinesesimplified.Uninstall=卸载信用办台账
chinesesimplified.DeleteTitle=卸载信用办台账
chinesesimplified.KeepNote=默认保留数据目录中的账本，以后重新安装即可继续使用。
chinesesimplified.DeleteBox=同时删除我的账本及其备份（%1），此操作无法恢复。
chinesesimplified.DeleteConfirm=确定永久删除 %1 中的账本和全部备份吗？
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[InstallDelete]
; Upgrade in place: clear the previous bundle so no stale library is loaded; the ledger is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\credit-desk-gui.exe"; Comment: "{#AppNameEn}"
Name: "{group}\{cm:Uninstall}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\credit-desk-gui.exe"; Tasks: desktopicon

[Run]
; runasoriginaluser: the first start must create the ledger in the signed-in user's folder, not the admin's.
Filename: "{app}\credit-desk-gui.exe"; Description: "{cm:Launch}"; Flags: nowait postinstall skipifsilent runasoriginaluser

[Code]
var
  DeleteLedger: Boolean;

function LedgerDir(): String;
begin
  { platformdirs.user_data_dir("credit_desk", appauthor=False) on Windows }
  Result := ExpandConstant('{localappdata}\credit_desk');
end;

function InitializeUninstall(): Boolean;
var
  Form: TSetupForm;
  Note: TNewStaticText;
  Box: TNewCheckBox;
  OK, Cancel: TNewButton;
begin
  DeleteLedger := False;
  Result := True;
  if UninstallSilent() or not DirExists(LedgerDir()) then
    Exit;
  Form := CreateCustomForm();
  try
    Form.ClientWidth := ScaleX(460);
    Form.ClientHeight := ScaleY(150);
    Form.Caption := CustomMessage('DeleteTitle');
    Note := TNewStaticText.Create(Form);
    Note.Parent := Form;
    Note.Left := ScaleX(16); Note.Top := ScaleY(16); Note.Width := Form.ClientWidth - ScaleX(32);
    Note.WordWrap := True;
    Note.Caption := CustomMessage('KeepNote');
    Box := TNewCheckBox.Create(Form);
    Box.Parent := Form;
    Box.Left := ScaleX(16); Box.Top := ScaleY(64); Box.Width := Form.ClientWidth - ScaleX(32);
    Box.Height := ScaleY(32);
    Box.Caption := FmtMessage(CustomMessage('DeleteBox'), [LedgerDir()]);
    Box.Checked := False;
    OK := TNewButton.Create(Form);
    OK.Parent := Form;
    OK.Caption := SetupMessage(msgButtonOK);
    OK.ModalResult := mrOk;
    OK.Left := Form.ClientWidth - ScaleX(184); OK.Top := ScaleY(110); OK.Width := ScaleX(80);
    OK.Default := True;
    Cancel := TNewButton.Create(Form);
    Cancel.Parent := Form;
    Cancel.Caption := SetupMessage(msgButtonCancel);
    Cancel.ModalResult := mrCancel;
    Cancel.Left := Form.ClientWidth - ScaleX(96); Cancel.Top := ScaleY(110); Cancel.Width := ScaleX(80);
    Cancel.Cancel := True;
    if Form.ShowModal() <> mrOk then
    begin
      Result := False;  { the user cancelled the uninstall }
      Exit;
    end;
    if Box.Checked then
      DeleteLedger := MsgBox(FmtMessage(CustomMessage('DeleteConfirm'), [LedgerDir()]), mbConfirmation,
                             MB_YESNO or MB_DEFBUTTON2) = IDYES;
  finally
    Form.Free();
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  { Only the ticked box deletes anything, and only this user's own ledger folder. }
  if (CurUninstallStep = usPostUninstall) and DeleteLedger then
    DelTree(LedgerDir(), True, True, True);
end;
