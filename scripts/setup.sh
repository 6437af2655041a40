#!/usr/bin/env bash
# bash scripts/setup.sh: installs what the README's commands need, on Debian with Node 20 or later.
# Idempotent: only what is missing is installed, so it runs before every `npm test` in a second or two.
#
#   Debian packages (apt-get update once, then apt-get install -y, only for the missing ones; needs root):
#     pandoc          the dialect is tested against real Pandoc (test/unit/pandoc.test.ts)
#     chromium        the browser of the preview page test (test/webview) and of the end-to-end test
#     fonts-noto-cjk  Chinese text in those browsers' pages and screenshots
#     neovim          a second LSP client: the documented Neovim configuration is run headless
#                     (test/protocol/neovim.test.ts)
#     libkrb5-dev, pkg-config (and python3, make, g++ when absent)
#                     native modules of code-server, the VS Code the end-to-end test installs from npm
#                     on its first run (scripts/vscode-host/install.mjs, about 5 minutes)
#   npm packages: `npm ci`, unless node_modules already holds exactly what package-lock.json pins;
#   then the bundles in dist/ (npm ci builds them through the `prepare` script; otherwise built here).
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "setup: $*"; }

# --- Node -------------------------------------------------------------------------------------------
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "setup: node and npm are needed (Node 20 or later; Debian: apt-get install nodejs npm)" >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "setup: Node $(node -v) is too old: esgmark needs Node 20 or later" >&2
  exit 1
fi

# --- Debian packages ----------------------------------------------------------------------------------
has_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
need=()
command -v pandoc >/dev/null 2>&1 || need+=(pandoc)
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
has_pkg fonts-noto-cjk || need+=(fonts-noto-cjk)
command -v nvim >/dev/null 2>&1 || need+=(neovim)
has_pkg libkrb5-dev || need+=(libkrb5-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
for tool in python3 make g++; do command -v "$tool" >/dev/null 2>&1 || need+=("$tool"); done

if [ ${#need[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: missing ${need[*]}, and this is not a Debian system: install them with your package manager" >&2
    exit 1
  fi
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then as_root=(sudo); else
      echo "setup: missing Debian packages ${need[*]}: run this script as root (or install them: apt-get install -y ${need[*]})" >&2
      exit 1
    fi
  fi
  say "installing Debian packages: ${need[*]} (chromium takes about a minute)"
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
  say "installed ${need[*]}"
else
  say "Debian packages present: pandoc, chromium, fonts-noto-cjk, neovim, libkrb5-dev, pkg-config"
fi

# --- npm packages -------------------------------------------------------------------------------------
# node_modules/.package-lock.json is npm's record of what it installed; it must hold every package of
# package-lock.json at its pinned version (optional packages for other platforms may be absent).
in_sync() {
  [ -f node_modules/.package-lock.json ] || return 1
  node -e '
    const want = require("./package-lock.json").packages, have = require("./node_modules/.package-lock.json").packages;
    for (const [key, p] of Object.entries(want)) {
      if (!key || p.link) continue;
      const got = have[key];
      if (got ? got.version !== p.version : !p.optional) process.exit(1);
    }' 2>/dev/null
}
if in_sync; then
  say "node_modules matches package-lock.json; building dist/"
  node scripts/build.mjs
elif [ -L node_modules ]; then
  # npm ci would empty the folder the link points to (another checkout's node_modules).
  echo "setup: node_modules is a symbolic link and does not match package-lock.json; run npm ci where it points to, or replace the link" >&2
  exit 1
else
  say "npm ci (installs the locked npm packages and builds dist/)"
  npm ci --no-audit --no-fund
fi
say "ready: npm run check-example, npm test"
