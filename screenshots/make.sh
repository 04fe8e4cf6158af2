#!/usr/bin/env bash
# Regenerates every screenshot in this folder from the real program: `cognito-explorer render
# --format svg` draws the screen after a key script, emoji.py puts the emoji font's colour bitmaps
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

# shot NAME SIZE KEYS PATH...: one screenshot, as NAME.svg and NAME.png.
shot() {
    local name="$1" size="$2" keys="$3"
    shift 3
    "$binary" render "$@" --size "$size" --keys "$keys" --colors 256 --format svg >"screenshots/$name.svg"
    /usr/bin/python3 screenshots/emoji.py "screenshots/$name.svg"
    rsvg-convert "screenshots/$name.svg" -o "screenshots/$name.png"
    echo "screenshots/$name.png"
}

# The main screen on the bundled fixtures, on the custom message a sign-up sends.
shot main 100x30 "$(printf 'j %.0s' {1..13})" fixtures
# Reading a field: the request tree explains the field under the cursor.
shot field 100x30 "$(printf 'j %.0s' {1..13})Tab G k k" fixtures
# A custom message whose email lacks the code placeholder: the problem, inline and below.
shot missing-code 100x30 "Tab Tab j" fixtures/invalid/custom-message-missing-code.json
# Editing the claims of a pre token generation V2 event: adding a claim.
shot token-claims 100x30 "Tab Tab e j j a 'tier' Enter 'gold'" fixtures/pre-token-generation-v2/TokenGeneration_Authentication.json
# The help screen, generated from the keymaps.
shot help 100x30 "?" fixtures/pre-sign-up/PreSignUp_SignUp.json
# The trigger map on the custom challenge loop.
shot trigger-map 100x30 "t Tab j" fixtures/pre-sign-up/PreSignUp_SignUp.json
# A file that is not valid JSON.
shot malformed 100x30 "Tab" fixtures/invalid/malformed-missing-comma.json
# CJK, emoji and escaped control characters.
shot control-characters 100x30 "Tab e $(printf 'j %.0s' {1..17})" fixtures/invalid/control-characters.json
