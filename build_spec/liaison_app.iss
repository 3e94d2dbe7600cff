; Inno Setup 6 script: installer for the one-folder build in dist\liaison_app.
#define AppName "联系点工作台"
#define AppVersion "0.1.0"

[Setup]
AppId={{6F1B7E3C-4C1A-4E55-9D7E-2A8F0C1D5B21}
AppName={#AppName}
AppVersion={#AppVersion}
DefaultDirName={autopf}\LiaisonApp
DefaultGroupName={#AppName}
OutputBaseFilename=联系点工作台-安装程序
SetupIconFile=..\resources\icons\app.ico
Compression=lzma2
SolidCompression=yes
PrivilegesRequired=lowest
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "创建桌面快捷方式"; GroupDescription: "附加任务："

[Files]
Source: "..\dist\liaison_app\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\liaison_app.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\liaison_app.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\liaison_app.exe"; Description: "启动{#AppName}"; Flags: nowait postinstall skipifsilent
