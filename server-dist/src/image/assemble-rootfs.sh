#!/usr/bin/env bash
# Assembles the container image's root filesystem apart from the application itself: a jlinked Java
# runtime, exactly the shared libraries that runtime and the application's native code load, a
# non-root user, and writable /tmp and /data. Jib adds this tree as the image's bottom layer on top
# of `scratch` (no registry needed). See docs/adr/0019-container-image.md.
#
#   assemble-rootfs.sh OUT_DIR JAVA_HOME MODULES APP_JAR
set -euo pipefail

out=$1 java_home=$2 modules=$3 app_jar=$4
uid=65532

rm -rf "$out"
mkdir -p "$out"/{etc,tmp,data,opt}

# --generate-cds-archive: the runtime's own class data sharing archive (lib/server/classes.jsa),
# which a jlinked runtime otherwise lacks; it roughly halves the JVM's share of the cold start.
"$java_home/bin/jlink" --add-modules "$modules" --output "$out/opt/java" \
  --strip-debug --no-man-pages --no-header-files --compress=2 --generate-cds-archive
# The variant for heaps over 32 GB (no compressed oops) would only add 10 MB; without it such a JVM
# simply starts without sharing.
rm -f "$out/opt/java/lib/server/classes_nocoops.jsa"

# Debian's JDK keeps its CA bundle outside the JDK; give the runtime a real file.
if [[ -L "$out/opt/java/lib/security/cacerts" || ! -e "$out/opt/java/lib/security/cacerts" ]]; then
  rm -f "$out/opt/java/lib/security/cacerts"
  cp -L "$java_home/lib/security/cacerts" "$out/opt/java/lib/security/cacerts"
fi

# The server runs headless: drop the native parts of the desktop toolkit, which load X11 and ALSA.
rm -f "$out"/opt/java/lib/{libawt_xawt,libsplashscreen,libjsound}.so

# Native code the application unpacks at run time (SQLite, Brotli) for this platform.
natives=$(mktemp -d)
trap 'rm -rf "$natives"' EXIT
unzip -q -o "$app_jar" 'org/sqlite/native/Linux/x86_64/*' 'lib/linux-x86_64/*' -d "$natives"

# Copy every shared library those binaries resolve, at the path the dynamic loader looks for it.
find "$out/opt/java" "$natives" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 |
  xargs -0 ldd 2>/dev/null |
  grep -oE '(=> )?/[^ ]+ \(0x' | sed -E 's/^=> //; s/ \(0x$//' | sort -u |
  grep -v -e "^$out/" -e "^$natives/" |
  while read -r lib; do
    mkdir -p "$out$(dirname "$lib")"
    cp -L "$lib" "$out$lib"
  done

cat > "$out/etc/passwd" <<PASSWD
root:x:0:0:root:/root:/sbin/nologin
standin:x:$uid:$uid:standin:/data:/sbin/nologin
PASSWD
cat > "$out/etc/group" <<GROUP
root:x:0:
standin:x:$uid:
GROUP
