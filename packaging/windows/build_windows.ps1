# Build the standalone Windows application and its installer (run on a Windows build machine).
# Same pyside6-deploy configuration as Linux (packaging/standalone/pysidedeploy.spec), with the
# .ico icon and no console window (a console is attached when started from a terminal, so
# `leaflet-app check` still prints there). See docs/install.md.
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build_windows.ps1
#
# Needs: Python 3.11+ (python.org, "py" launcher), Visual Studio Build Tools with the C++
# workload (Nuitka's compiler), Inno Setup 6 (iscc.exe) for the installer.
$ErrorActionPreference = "Stop"
$Root = Resolve-Path "$PSScriptRoot\..\.."
$Out = "$Root\packaging\dist"
$Build = "$Out\build"
$Venv = "$Out\venv"
Set-Location $Root
Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $Build, "$Out\leaflet-app.dist"
New-Item -ItemType Directory -Force $Build | Out-Null
if (-not (Test-Path "$Venv\Scripts\python.exe")) { py -3.11 -m venv $Venv }
& "$Venv\Scripts\python.exe" -m pip install -q "$Root" "Nuitka==4.1.1" "pytest>=8" "pytest-qt>=4.4"
& "$Venv\Scripts\python.exe" -m pip install -q --no-deps --force-reinstall "$Root"

Copy-Item packaging\standalone\main.py, packaging\standalone\pysidedeploy.spec $Build
$Spec = "$Build\pysidedeploy.spec"
# Qt's Chinese strings for standard buttons and dialogs, where the app looks for them.
$QtTr = & "$Venv\Scripts\python.exe" -c "import PySide6, pathlib; print(pathlib.Path(PySide6.__file__).parent / 'Qt' / 'translations')"
$Extra = " --windows-console-mode=attach --include-data-files=$QtTr\qtbase_zh_CN.qm=PySide6/Qt/translations/qtbase_zh_CN.qm --include-data-files=$QtTr\qtbase_zh_TW.qm=PySide6/Qt/translations/qtbase_zh_TW.qm"
(Get-Content $Spec) `
    -replace '^icon = .*', "icon = $Root\resources\icons\leaflet-app.ico" `
    -replace '^exec_directory = .*', "exec_directory = $Out" `
    -replace '^(extra_args = .*)$', ('$1' + $Extra.Replace('$', '$$')) |
    Set-Content -Encoding utf8 $Spec
Push-Location $Build
$env:VIRTUAL_ENV = $Venv
& "$Venv\Scripts\pyside6-deploy.exe" -c pysidedeploy.spec --force
Pop-Location

$App = "$Out\leaflet-app.dist"
Copy-Item LICENSE "$App\LICENSE.txt"
Copy-Item resources\fonts\OFL.txt "$App\OFL.txt"
& "$Venv\Scripts\python.exe" -m pytest -q -p no:cacheprovider tests\test_standalone_build.py --standalone $App -k "not real_x_display"
& iscc.exe "/DAppVersion=$(& "$Venv\Scripts\python.exe" -c 'import leaflet_app; print(leaflet_app.__version__)')" packaging\windows\leaflet-app.iss
