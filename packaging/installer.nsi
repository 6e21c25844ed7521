; Windows installer for Bookroom Desk (职工书屋管理台), built with NSIS 3 (makensis).
;
;   makensis /DVERSION=0.1.0 packaging\installer.nsi     (-> dist\BookroomDesk-0.1.0-setup.exe)
;
; makensis works in this file's folder: relative BUNDLE and OUTFILE paths are relative to packaging\.
; The file is UTF-8 with a byte-order mark, so makensis reads its Chinese right on any Windows code page.
; BUNDLE is the folder PyInstaller made from packaging/bookroom-desk.spec. The installer needs
; no administrator rights: it installs for the current user into %LOCALAPPDATA%\Programs\BookroomDesk,
; with Start-menu and desktop shortcuts and an entry in Settings > Apps. The room's data (database,
; backups, photos in %LOCALAPPDATA%\BookroomDesk) is never inside the program folder, and the
; uninstaller removes only the program's own files: the data stays, and a later install finds it.

Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef BUNDLE
  !define BUNDLE "..\dist\bookroom-desk"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\dist\BookroomDesk-${VERSION}-setup.exe"
!endif

!define APP_ID "BookroomDesk"
!define APP_EXE "BookroomDesk.exe"
!define CLI_EXE "bookroom-desk.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define ICON "..\bookroom_desk\resources\icons\bookroom-desk.ico"

Name "$(AppName)"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "Software\${APP_ID}\Installer" "InstallDir"
RequestExecutionLevel user
SetCompressor /SOLID lzma
ManifestDPIAware true
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "Bookroom Desk"
VIAddVersionKey /LANG=0 "FileDescription" "Bookroom Desk installer"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT License"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default: Simplified Chinese, like the program.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString AppName ${LANG_SIMPCHINESE} "职工书屋管理台"
LangString AppName ${LANG_ENGLISH} "Bookroom Desk"
LangString DataKept ${LANG_SIMPCHINESE} "书屋的数据、备份和照片保留在 $LOCALAPPDATA\${APP_ID}，重新安装后仍可使用。"
LangString DataKept ${LANG_ENGLISH} "The room's data, backups and photos stay in $LOCALAPPDATA\${APP_ID} and are used again after a new install."

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Install"
  SetOutPath "$INSTDIR"
  ; A fresh copy of the program's files (an older version's leftovers would be loaded otherwise).
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\$(AppName)"
  CreateShortCut "$SMPROGRAMS\$(AppName)\$(AppName).lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  CreateShortCut "$DESKTOP\$(AppName).lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  WriteRegStr HKCU "Software\${APP_ID}\Installer" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "Software\${APP_ID}\Installer" "ShortcutName" "$(AppName)"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "$(AppName)"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Bookroom Desk"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  ; Shortcuts carry the name in the language chosen at install time.
  ReadRegStr $0 HKCU "Software\${APP_ID}\Installer" "ShortcutName"
  StrCmp $0 "" 0 +2
    StrCpy $0 "$(AppName)"
  Delete "$DESKTOP\$0.lnk"
  Delete "$SMPROGRAMS\$0\$0.lnk"
  RMDir "$SMPROGRAMS\$0"

  ; Only the program's own files: the install folder may have been chosen by hand, and the
  ; user's data (the database, backups, photos, QSettings) lives elsewhere and is kept.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP_ID}\Installer"
  DetailPrint "$(DataKept)"
SectionEnd
