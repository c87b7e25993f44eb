; Inno Setup script: installs the standalone build (packaging\dist\leaflet-app.dist) for all users.
; Built by build_windows.ps1; by hand: iscc /DAppVersion=0.1.0 packaging\windows\leaflet-app.iss
; Silent install for IT: leaflet-app-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C0E5B7A-2F4D-4B8E-9A51-3D7C2E41F0A9}
AppName=Patient leaflets
AppVersion={#AppVersion}
AppPublisher=leaflet-app
DefaultDirName={autopf}\leaflet-app
DefaultGroupName=Patient leaflets
DisableProgramGroupPage=yes
OutputDir=..\dist
OutputBaseFilename=leaflet-app-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\leaflet-app.ico
UninstallDisplayIcon={app}\leaflet-app.exe
LicenseFile=..\..\LICENSE
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin

[Tasks]
Name: desktopicon; Description: "Create a desktop shortcut"; Flags: unchecked

[Files]
Source: "..\dist\leaflet-app.dist\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Dirs]
; Where IT puts kiosk.toml (read when --config is not given).
Name: "{commonappdata}\leaflet-app"

[Icons]
Name: "{autoprograms}\Patient leaflets"; Filename: "{app}\leaflet-app.exe"
Name: "{autodesktop}\Patient leaflets"; Filename: "{app}\leaflet-app.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\leaflet-app.exe"; Description: "Start Patient leaflets"; Flags: nowait postinstall skipifsilent
