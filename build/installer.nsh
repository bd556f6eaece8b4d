; Included by electron-builder's NSIS installer (package.json: build.nsis.include).
; Gives the user a `plex-cache` command: the per-user install puts plex-cache.cmd in
; $INSTDIR\resources\bin, and this adds that folder to the user's PATH (HKCU\Environment) on
; install and takes it out again on uninstall. Plain NSIS only: a plugin such as EnVar would have
; to be downloaded, and electron-builder's NSIS bundle does not carry it.
;
; NSIS strings hold at most NSIS_MAX_STRLEN characters. A longer PATH cannot be read whole (the read
; fails), and a PATH edited after truncation would lose entries, so in both cases the PATH is left
; alone and the details log says how to add the folder by hand.

!include "LogicLib.nsh"
!include "WinMessages.nsh"

!define PLEX_CACHE_BIN "$INSTDIR\resources\bin"

; In: $R0 = a PATH value, $R1 = a folder. Out: $R2 = the PATH without that folder (compared without
; regard to case, as Windows does; empty entries are dropped), $R3 = 1 when the folder was there.
; Uses $R4-$R7.
!macro PLEX_CACHE_PATH_WITHOUT_FUNCTION PREFIX
  Function ${PREFIX}PlexCachePathWithout
    StrCpy $R2 ""
    StrCpy $R3 0
    StrCpy $R4 $R0
    next_entry:
      StrCmp $R4 "" done
      StrCpy $R5 0
      find_separator:
        StrCpy $R6 $R4 1 $R5
        StrCmp $R6 "" entry_found
        StrCmp $R6 ";" entry_found
        IntOp $R5 $R5 + 1
        Goto find_separator
      entry_found:
        StrCpy $R7 $R4 $R5
        IntOp $R5 $R5 + 1
        StrCpy $R4 $R4 "" $R5
        StrCmp $R7 "" next_entry
        StrCmp $R7 $R1 0 keep_entry
          StrCpy $R3 1
          Goto next_entry
        keep_entry:
          StrCmp $R2 "" 0 append_entry
            StrCpy $R2 $R7
            Goto next_entry
          append_entry:
          StrCpy $R2 "$R2;$R7"
          Goto next_entry
    done:
  FunctionEnd
!macroend

!macro PLEX_CACHE_SAVE_REGISTERS
  Push $R0
  Push $R1
  Push $R2
  Push $R3
  Push $R4
  Push $R5
  Push $R6
  Push $R7
!macroend

!macro PLEX_CACHE_RESTORE_REGISTERS
  Pop $R7
  Pop $R6
  Pop $R5
  Pop $R4
  Pop $R3
  Pop $R2
  Pop $R1
  Pop $R0
!macroend

; electron-builder compiles the uninstaller in a separate run with BUILD_UNINSTALLER defined; each
; run defines only the functions it calls, since an unused function is a warning and warnings are
; errors there.
!ifndef BUILD_UNINSTALLER
  !insertmacro PLEX_CACHE_PATH_WITHOUT_FUNCTION ""

  ; Out: $R3 = 1 when HKCU\Environment has a Path value (read or not). Uses $R5, $R6.
  Function PlexCacheUserPathExists
    StrCpy $R3 0
    StrCpy $R5 0
    next_value:
      ClearErrors
      EnumRegValue $R6 HKCU "Environment" $R5
      IfErrors done
      StrCmp $R6 "" done
      StrCmp $R6 "Path" 0 other_value
        StrCpy $R3 1
        Goto done
      other_value:
      IntOp $R5 $R5 + 1
      Goto next_value
    done:
  FunctionEnd

  !macro customInstall
    !insertmacro PLEX_CACHE_SAVE_REGISTERS
    StrCpy $R1 "${PLEX_CACHE_BIN}"
    ClearErrors
    ReadRegStr $R0 HKCU "Environment" "Path"
    ${If} ${Errors}
      Call PlexCacheUserPathExists
      ${If} $R3 == 1
        DetailPrint "Your PATH is too long to edit safely: add $R1 to it yourself for the plex-cache command."
      ${Else}
        WriteRegExpandStr HKCU "Environment" "Path" "$R1"
        SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
      ${EndIf}
    ${Else}
      Call PlexCachePathWithout
      ; The new value's length: PATH, a separator and the folder.
      StrLen $R4 $R0
      StrLen $R5 $R1
      IntOp $R4 $R4 + $R5
      IntOp $R4 $R4 + 1
      ${If} $R3 == 1
        ; Already there (a reinstall): nothing to do.
      ${ElseIf} $R4 >= ${NSIS_MAX_STRLEN}
        DetailPrint "Your PATH is too long to edit safely: add $R1 to it yourself for the plex-cache command."
      ${Else}
        ; The user's own PATH may hold %VARIABLES%: written back unexpanded, as an expandable string.
        ${If} $R0 == ""
          WriteRegExpandStr HKCU "Environment" "Path" "$R1"
        ${Else}
          WriteRegExpandStr HKCU "Environment" "Path" "$R0;$R1"
        ${EndIf}
        SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
      ${EndIf}
    ${EndIf}
    !insertmacro PLEX_CACHE_RESTORE_REGISTERS
  !macroend
!else
  !insertmacro PLEX_CACHE_PATH_WITHOUT_FUNCTION "un."

  !macro customUnInstall
    !insertmacro PLEX_CACHE_SAVE_REGISTERS
    StrCpy $R1 "${PLEX_CACHE_BIN}"
    ClearErrors
    ReadRegStr $R0 HKCU "Environment" "Path"
    ${IfNot} ${Errors}
      Call un.PlexCachePathWithout
      ${If} $R3 == 1
        ${If} $R2 == ""
          DeleteRegValue HKCU "Environment" "Path"
        ${Else}
          WriteRegExpandStr HKCU "Environment" "Path" "$R2"
        ${EndIf}
        SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
      ${EndIf}
    ${EndIf}
    !insertmacro PLEX_CACHE_RESTORE_REGISTERS
  !macroend
!endif
