; Inno Setup 6 script for Station Desk (驿站工作台).
;
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\station-desk.iss
;
; Packs the PyInstaller folder dist\StationDesk\ (built by installer\station-desk.spec) into
; dist\installer\StationDesk-Setup-<version>.exe. See installer\README.md.
;
; * per-machine install into C:\Program Files\StationDesk (needs administrator rights);
; * Start-menu and desktop shortcuts: 驿站工作台 (StationDesk.exe), 大屏 (StationDesk.exe board);
; * an in-place upgrade keeps the same AppId and folder, closes a running desk first and
;   replaces the program files (the old _internal folder is removed so no stale module stays);
; * the station's data lives in each Windows user's %LOCALAPPDATA%\StationDesk, never under
;   {app}: neither upgrade nor uninstall touches it.
; The file is UTF-8 with a byte-order mark so the Chinese names survive the compiler.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "驿站工作台"
#define AppExe "StationDesk.exe"
#define CliExe "station-desk.exe"

[Setup]
; Never change the AppId: it is how an upgrade finds the installed copy.
AppId={{7EB4751C-8FEE-42FD-BA9C-B431A9ED3880}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=StationDesk
VersionInfoVersion={#AppVersion}
VersionInfoProductName=驿站工作台 Station Desk
DefaultDirName={autopf}\StationDesk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist\installer
OutputBaseFilename=StationDesk-Setup-{#AppVersion}
SetupIconFile=..\resources\icons\station-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
; Upgrades: close a running desk or board (Restart Manager), do not restart it as admin.
CloseApplications=force
RestartApplications=no

[Languages]
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
Name: "en"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "在桌面放“驿站工作台”和“大屏”的快捷方式"; GroupDescription: "快捷方式："

[InstallDelete]
; Program files only: the previous version's bundled modules must not mix with the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\StationDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}\驿站工作台"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "零工驿站登记、对接与台账"
Name: "{autoprograms}\{#AppName}\大屏"; Filename: "{app}\{#AppExe}"; Parameters: "board"; WorkingDir: "{app}"; Comment: "大厅招聘大屏（显示在第二个屏幕）"
Name: "{autoprograms}\{#AppName}\诊断工作台"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliExe}"" doctor"; WorkingDir: "{app}"; Comment: "检查数据库、硬盘、网络和备份"
Name: "{autoprograms}\{#AppName}\卸载驿站工作台"; Filename: "{uninstallexe}"
Name: "{autodesktop}\驿站工作台"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon
Name: "{autodesktop}\大屏"; Filename: "{app}\{#AppExe}"; Parameters: "board"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
; Started as the user who ran the installer (not the elevated admin), so the desk opens that
; user's data folder.
Filename: "{app}\{#AppExe}"; Description: "现在打开驿站工作台"; Flags: nowait postinstall skipifsilent runasoriginaluser

; No [UninstallDelete] section on purpose: the uninstaller removes only the files it
; installed. The data folder (%LOCALAPPDATA%\StationDesk: database, backups, logs) stays.
