#!/usr/bin/env bash
# `cpack -G DEB` in the build that made $PEBBLE_BIN gives a Debian package that declares its
# runtime libraries, holds the binary, man pages and completions under /usr, and whose binary runs
# after `dpkg -x` into a throwaway root (on the system's shared libraries). Under `make test` this
# packages the ASan+UBSan test binary: the package is what `make deb` makes, with a debug binary.
source "$(dirname "$0")/lib.sh"
build_dir=$(cd "$(dirname "$PEBBLE_BIN")" && pwd)
for tool in cpack dpkg-deb; do
  command -v "$tool" >/dev/null || { fail "$tool is not installed"; finish; }
done
[ -f "$build_dir/CPackConfig.cmake" ] || { fail "$build_dir has no CPackConfig.cmake"; finish; }

# -B: the package and CPack's staging go to a private folder, so parallel runs never collide.
if ! cpack_log=$(cd "$work" && cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/package" 2>&1); then
  fail "cpack -G DEB failed: $cpack_log"
  finish
fi
deb=$(find "$work/package" -maxdepth 1 -name 'pebble_*.deb' | head -n 1)
[ -n "$deb" ] || { fail "cpack made no pebble_*.deb: $cpack_log"; finish; }

control=$(dpkg-deb --field "$deb")
expect_contains "$control" "Package: pebble" "package name"
[[ $control =~ Version:\ [0-9]+\.[0-9]+\.[0-9]+ ]] || fail "package version: $control"
# Every shared library the packaged binary and its modules need is declared, by the Debian package that ships it
# here (dpkg -S); a package may be named through its Provides (libspdlog1.10 as libspdlog1.10-fmt9).
depends=$(dpkg-deb --field "$deb" Depends)
declared=$(sed -E 's/ \([^)]*\)//g; s/ *\| */\n/g; s/, */\n/g' <<<"$depends")
root="$work/root"
dpkg -x "$deb" "$root" || fail "dpkg -x $deb failed"
modules=$(find "$root/usr/lib" -name 'pebble-*.so' | sort)
[ "$(grep -c . <<<"$modules")" -eq 3 ] || fail "the package lacks its three modules: $modules"
needed=$(for file in "$root/usr/bin/pebble" $modules; do objdump -p "$file" | awk '$1 == "NEEDED" {print $2}'; done |
  sort -u)
[ -n "$needed" ] || fail "objdump finds no NEEDED libraries in the packaged binary"
arch=$(dpkg --print-architecture)
for library in $needed; do
  owner=$(dpkg -S "*/$library" 2>/dev/null | grep -F ":$arch: " | head -n 1 | cut -d: -f1) || true
  [ -n "$owner" ] || { fail "no $arch Debian package ships $library"; continue; }
  found=no
  while IFS= read -r package; do
    [[ $package == "$owner" || $package == "$owner"-* ]] && found=yes
  done <<<"$declared"
  [ "$found" = yes ] || fail "Depends lacks $owner (for $library): $depends"
done

contents=$(dpkg-deb --contents "$deb" | awk '{print $NF}')
for path in ./usr/bin/pebble ./usr/share/man/man1/pebble.1 ./usr/share/bash-completion/completions/pebble \
    ./usr/share/zsh/vendor-completions/_pebble ./usr/share/fish/vendor_completions.d/pebble.fish \
    ./usr/share/doc/pebble/examples/systemd/pebble-serve.service; do
  grep -qxF "$path" <<<"$contents" || fail "package lacks $path"
done

version=$("$root/usr/bin/pebble" --version 2>&1) || fail "packaged pebble --version failed: $version"
expect_contains "$version" "pebble 0." "packaged pebble --version"
# The packaged binary finds its packaged modules: the PostgreSQL one is loaded, then fails to connect.
PEBBLE_BIN="$root/usr/bin/pebble" run --database "postgresql://pebble@127.0.0.1:1/x" metrics-show
expect_status 1 "packaged pebble with a PostgreSQL URL"
[[ "$err" == *"module"* ]] && fail "the packaged binary does not find its module: $err"

finish
