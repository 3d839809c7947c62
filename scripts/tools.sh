#!/usr/bin/env bash
# Installs what `make serve`, `make dist` and `make test` need, skipping each
# tool that is already present at the pinned version. Pins and the versions
# that fail on this kind of machine: ../shared/TOOLCHAIN.md, ARCHITECTURE.md.
#
#   scripts/tools.sh web    wasm target, Trunk, wasm-bindgen CLI, npm packages
#   scripts/tools.sh test   all of the above, plus Chromium and chromedriver
#   scripts/tools.sh bench  valgrind and objdump, for `make bench`'s flop count
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen pin in Cargo.toml

cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf 'tools: %s\n' "$*"; }

lint_tools() {
  # clippy and rustfmt ship with the toolchain; adding them is a no-op when present.
  if cargo clippy --version >/dev/null 2>&1 && cargo fmt --version >/dev/null 2>&1; then
    say "clippy and rustfmt present"
  else
    say "adding clippy and rustfmt"
    rustup component add clippy rustfmt
  fi
}

wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "wasm32-unknown-unknown target present"
  else
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

trunk_cli() {
  if [ "$(trunk --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ]; then
    say "trunk $TRUNK_VERSION present"
  else
    say "installing trunk $TRUNK_VERSION (about 7 minutes on 2 cores)"
    cargo install --locked "trunk@$TRUNK_VERSION"
  fi
}

wasm_bindgen_cli() {
  if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
     && command -v wasm-bindgen-test-runner >/dev/null; then
    say "wasm-bindgen $WASM_BINDGEN_VERSION present"
  else
    # Without --locked: the CLI's lockfile pins a webpki-roots the registry here lacks.
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
    cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
}

npm_packages() {
  # The stamp records which package-lock.json node_modules was installed from.
  local want have
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  have=$(cat node_modules/.computedeal-stamp 2>/dev/null || true)
  if [ "$want" = "$have" ]; then
    say "npm packages present"
  else
    say "installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund
    echo "$want" > node_modules/.computedeal-stamp
  fi
}

# Installs Debian packages, with sudo unless running as root.
apt_install() {
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

chromium_browser() {
  local browser driver
  browser=$(chromium --version 2>/dev/null | grep -o '[0-9]\+\.[0-9.]\+' | head -n1 || true)
  driver=$(chromedriver --version 2>/dev/null | grep -o '[0-9]\+\.[0-9.]\+' | head -n1 || true)
  if [ -n "$browser" ] && [ "${browser%%.*}" = "${driver%%.*}" ]; then
    say "chromium $browser and chromedriver $driver present"
  else
    say "installing chromium and chromium-driver with apt"
    apt_install chromium chromium-driver
  fi
}

bench_tools() {
  if command -v valgrind >/dev/null && command -v objdump >/dev/null; then
    say "valgrind and objdump present"
  else
    say "installing valgrind and binutils with apt"
    apt_install valgrind binutils
  fi
}

case "${1:-}" in
  web)  wasm_target; trunk_cli; wasm_bindgen_cli; npm_packages ;;
  test) lint_tools; wasm_target; trunk_cli; wasm_bindgen_cli; npm_packages; chromium_browser ;;
  bench) bench_tools ;;
  *) echo "usage: scripts/tools.sh web|test|bench" >&2; exit 2 ;;
esac
