@echo off
rem The `plex-cache` command of an installed Plex Cache on Windows: runs the app's own binary as Node
rem (ELECTRON_RUN_AS_NODE=1, which is why the app keeps the RunAsNode fuse on) on the CLI bundled in
rem app.asar, so it needs no Node installed and shares the window's data folder and settings.
rem Installed in <install dir>\resources\bin, which the installer adds to the user's PATH.
setlocal
set "ELECTRON_RUN_AS_NODE=1"
"%~dp0..\..\Plex Cache.exe" "%~dp0..\app.asar\out\cli\index.cjs" %*
exit /b %ERRORLEVEL%
