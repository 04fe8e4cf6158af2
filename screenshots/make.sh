#!/usr/bin/env bash
# Regenerates every screenshot listed in shots.txt from the real program: `cognito-explorer render
# --format svg` draws the screen after its key script, emoji.py puts the emoji font's colour bitmaps
# in place of emoji (rsvg-convert cannot draw them), and rsvg-convert makes the PNG.
#
# Needs Debian packages: librsvg2-bin (rsvg-convert), fonts-dejavu-core (the terminal font),
# fonts-noto-cjk (CJK), fonts-noto-color-emoji (emoji), libharfbuzz-bin (hb-shape) and
# python3-fonttools (for emoji.py). Missing ones are installed with apt-get (as root, or with sudo).
# Run from anywhere: screenshots/make.sh. SCRATCH_PATH picks the build folder (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(librsvg2-bin fonts-dejavu-core fonts-noto-cjk fonts-noto-color-emoji libharfbuzz-bin python3-fonttools)
missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "installing: ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update
    $sudo apt-get install -y "${missing[@]}"
fi

scratch="${SCRATCH_PATH:-.build}"
swift build --scratch-path "$scratch" --product cognito-explorer
binary="$(swift build --scratch-path "$scratch" --show-bin-path)/cognito-explorer"

# Each line of shots.txt: NAME, SIZE, KEYS and PATHS (space-separated) between tabs, and optionally
# FUNCTION, the command x runs (a shot of the function's result view; its runtime needs curl).
while IFS=$'\t' read -r name size keys paths function; do
    case "$name" in ''|'#'*) continue ;; esac
    read -r -a files <<<"$paths"
    extra=()
    if [ -n "${function:-}" ]; then extra=(--function "$function"); fi
    "$binary" render "${files[@]}" --size "$size" --keys "$keys" --colors 256 --format svg "${extra[@]}" </dev/null >"screenshots/$name.svg"
    /usr/bin/python3 screenshots/emoji.py "screenshots/$name.svg"
    rsvg-convert "screenshots/$name.svg" -o "screenshots/$name.png"
    echo "screenshots/$name.png"
done <screenshots/shots.txt
