#!/bin/bash
# The deb's postrm: electron-builder's own after-remove template (app-builder-lib/templates/linux),
# kept (paths now under $DPKG_ROOT), plus removing the `plex-cache` command after-install.tpl links.
# Shell variables are written without braces: electron-builder renders $-brace macros in this file.
# Paths start with $DPKG_ROOT, empty on a normal install (see after-install.tpl).

# Delete the link to the binary
# update-alternatives --remove <name> <path>: 'path' must be the registered alternative binary,
# not the generic symlink — see https://man7.org/linux/man-pages/man1/update-alternatives.1.html
if type update-alternatives >/dev/null 2>&1; then
    update-alternatives --remove '${executable}' '/opt/${sanitizedProductName}/${executable}'
else
    rm -f "$DPKG_ROOT"'/usr/bin/${executable}'
fi

# The CLI link, registered like the GUI's. A plain link is removed only when it points at our
# launcher, so a plex-cache command from elsewhere survives.
CLI_LAUNCHER='/opt/${sanitizedProductName}/resources/bin/plex-cache'
if type update-alternatives >/dev/null 2>&1; then
    update-alternatives --remove plex-cache "$CLI_LAUNCHER"
fi
if [ -L "$DPKG_ROOT/usr/bin/plex-cache" ] && [ "$(readlink "$DPKG_ROOT/usr/bin/plex-cache")" = "$CLI_LAUNCHER" ]; then
    rm -f "$DPKG_ROOT/usr/bin/plex-cache"
fi

APPARMOR_PROFILE_DEST='/etc/apparmor.d/${executable}'

# Remove and unload apparmor profile.
if [ -f "$APPARMOR_PROFILE_DEST" ]; then
  # Unload the profile from the running kernel before deleting the file so the
  # policy is not left enforced until the next reboot.  Mirror the chroot guard
  # used in the after-install script — live AppArmor operations are not
  # meaningful inside a chroot.
  # https://wiki.debian.org/AppArmor/HowToUse
  if apparmor_status --enabled > /dev/null 2>&1; then
    if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --remove "$APPARMOR_PROFILE_DEST" || true
    fi
  fi
  rm -f "$APPARMOR_PROFILE_DEST"
fi