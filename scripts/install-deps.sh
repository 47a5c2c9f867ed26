#!/usr/bin/env bash
# Installs, with apt, only the Debian packages pebble needs that are missing.
# Usage: scripts/install-deps.sh [build|test|fuzz|bench]   (each level includes the ones before;
# `make test` asks for fuzz, since its fuzz tier needs clang)
set -euo pipefail
level=${1:-build}

# pkg-config: CMake's FindCURL asks it for libcurl's flags (libcurl ships no CMake config here).
build_pkgs=(g++ cmake make pkg-config git
  libcli11-dev prometheus-cpp-dev libsqlite3-dev libpq-dev libcurl4-openssl-dev nettle-dev
  libtinyxml2-dev libspdlog-dev nlohmann-json3-dev catch2 libmicrohttpd-dev zlib1g-dev libgumbo-dev)
test_pkgs=(postgresql prometheus-pushgateway prometheus groff-base groff man-db sqlite3
  curl python3 clang-format clang-tidy-14 time  # time: /usr/bin/time -v measures peak RSS in poll tests
  python3-yaml dpkg-dev systemd  # contrib/ checks, dpkg-shlibdeps for the .deb, systemd-analyze
  openssl)  # serve_tls_test makes a self-signed certificate
fuzz_pkgs=(clang libclang-rt-14-dev)
bench_pkgs=(buku python3-feedparser newsboat nginx wrk time)

wanted=("${build_pkgs[@]}")
case "$level" in
  build) ;;
  test) wanted+=("${test_pkgs[@]}") ;;
  fuzz) wanted+=("${test_pkgs[@]}" "${fuzz_pkgs[@]}") ;;
  bench) wanted+=("${test_pkgs[@]}" "${bench_pkgs[@]}") ;;
  *) echo "install-deps: unknown level '$level' (build, test, fuzz or bench)" >&2; exit 2 ;;
esac

missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]}; run as root or: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian starts services on install; the tests start their own on free ports.
for svc in prometheus prometheus-pushgateway nginx; do
  if [[ " ${missing[*]} " == *" $svc "* ]] && command -v systemctl >/dev/null; then
    systemctl stop "$svc" 2>/dev/null || true
  fi
done
