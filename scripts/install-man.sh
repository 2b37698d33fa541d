#!/usr/bin/env bash
# Installs selaras's manual pages, one per command (`man selaras`, `man selaras.tm.delete`),
# generated from the commands' own help by swift-argument-parser's generate-manual.
#   scripts/install-man.sh [DIR]     pages go to DIR/man1; DIR defaults to ~/.local/share/man,
#                                    which man(1) searches for a user's own pages
# SELARAS names the selaras binary to document (default: a release build, made when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
dest="${1:-${XDG_DATA_HOME:-$HOME/.local/share}/man}"
selaras="${SELARAS:-.build/release/selaras}"
if [ ! -x "$selaras" ]; then
  swift build -c release --product selaras >&2
fi
generator=.build/debug/generate-manual
if [ ! -x "$generator" ]; then
  swift build --product generate-manual >&2
fi
mkdir -p "$dest/man1"
"$generator" "$selaras" --multi-page --output-directory "$dest/man1"
rm -f "$dest/man1/selaras.help.1"
echo "manual pages in $dest/man1: try 'man selaras' or 'man selaras.tm.delete'" >&2
