; PosDesk's Windows installer (Inno Setup 6): a per-user install, no administrator rights.
; Built by packaging/windows/build.ps1 after PyInstaller, e.g.
;   iscc /DAppVersion=0.1.0 /DFileVersion=0.1.0.0 /DBundleDir=..\build\dist\posdesk /DOutputDir=..\build\installer posdesk.iss
; - Installs to %LOCALAPPDATA%\Programs\PosDesk with a Start-menu entry (and, if ticked, a
;   desktop one); an uninstaller under Settings > Apps.
; - Upgrade in place: the same AppId finds the installed copy; its _internal folder is
;   replaced whole (no old library stays), settings and data are not touched.
; - Uninstall keeps the data folder (%LOCALAPPDATA%\PosDesk\PosDesk: the store, settings,
;   logs) unless the user ticks "also delete"; a silent uninstall always keeps it.
;   Keys stay in Windows Credential Manager unless `posdesk-cli secrets delete` is run.

#if Ver < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is needed (the x64compatible architecture)
#endif
#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z
#endif
#ifndef FileVersion
  ; Windows wants four numbers: build.ps1 passes version_info.py --print-file-version
  ; ("0.2.0rc1" -> 0.2.0.0); the default suits a plain X.Y.Z.
  #define FileVersion AppVersion
#endif
#ifndef BundleDir
  #define BundleDir "..\build\dist\posdesk"
#endif
#ifndef OutputDir
  #define OutputDir "..\build\installer"
#endif
#ifndef IconFile
  #define IconFile "..\build\icons\posdesk.ico"
#endif
; {autopf} is %LOCALAPPDATA%\Programs for a per-user install (Program Files if the user
; picks "all users"). check-installer-under-wine.sh overrides it: Wine 8 cannot resolve it.
#ifndef AppDir
  #define AppDir "{autopf}\PosDesk"
#endif

[Setup]
; Never change AppId: it is how an upgrade finds the installed PosDesk.
AppId={{5B0F2C7E-8D4A-4C39-9E51-3A7F6D2B9C14}
AppName=PosDesk
AppVersion={#AppVersion}
AppVerName=PosDesk {#AppVersion}
AppPublisher=PosDesk
VersionInfoVersion={#FileVersion}
VersionInfoTextVersion={#AppVersion}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoProductName=PosDesk
VersionInfoDescription=PosDesk installer
DefaultDirName={#AppDir}
DefaultGroupName=PosDesk
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
OutputDir={#OutputDir}
OutputBaseFilename=PosDesk-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\PosDesk.exe
UninstallDisplayName=PosDesk
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running PosDesk is closed (Restart Manager) before its files are replaced.
CloseApplications=force
RestartApplications=no
; build.ps1 defines SignTool when a certificate is configured: the uninstaller is signed too.
#ifdef SignTool
SignTool={#SignTool}
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; Upgrade in place: the previous version's bundle goes first, so no stale library of it
; stays beside the new one.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\PosDesk"; Filename: "{app}\PosDesk.exe"; Comment: "Point of sale and back office"
Name: "{autoprograms}\PosDesk demo"; Filename: "{app}\PosDesk.exe"; Parameters: "--demo"; Comment: "PosDesk with sample data and a built-in sandbox"
Name: "{autodesktop}\PosDesk"; Filename: "{app}\PosDesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\PosDesk.exe"; Description: "{cm:LaunchProgram,PosDesk}"; Flags: nowait postinstall skipifsilent

[Code]
var
  DeleteData: Boolean;

function DataFolder(): String;
begin
  { platformdirs.user_data_dir("PosDesk", "PosDesk") on Windows (src/posdesk/paths.py) }
  Result := ExpandConstant('{localappdata}\PosDesk\PosDesk');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usUninstall then
  begin
    DeleteData := False;
    if (not UninstallSilent) and DirExists(DataFolder()) then
      DeleteData := MsgBox('Also delete PosDesk''s data on this computer (the local store, ' +
        'settings and logs in ' + DataFolder() + ')?' + #13#10#13#10 +
        'Choose No to keep them for a later installation.',
        mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
  end;
  if (CurUninstallStep = usPostUninstall) and DeleteData then
  begin
    DelTree(DataFolder(), True, True, True);
    { and %LOCALAPPDATA%\PosDesk above it, when PosDesk's folder was all it held }
    RemoveDir(ExtractFileDir(DataFolder()));
  end;
end;
