#!/usr/bin/env bash
# How long a bracketed paste takes in the explorer's text input, end to end in a real terminal
# (tmux): from `paste-buffer -p` until the end of the pasted text shows in the prompt.
#
#   Benchmarks/Scripts/paste.sh BINARY [BYTES]     BYTES defaults to 1048576 (1 MiB)
#
# Prints one line: the size and the milliseconds. Needs tmux. Leaves nothing behind.
set -euo pipefail
binary="${1:?usage: paste.sh BINARY [BYTES]}"
bytes="${2:-1048576}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
socket="cte-paste-$$"
tmux_() { tmux -L "$socket" -f "$work/tmux.conf" "$@"; }
cleanup() { tmux_ kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
printf 'set -g default-terminal "tmux-256color"\nset -g status off\nset -sg escape-time 0\nset -g history-limit 0\n' > "$work/tmux.conf"
cp "$root/fixtures/custom-message/CustomMessage_SignUp.json" "$work/"
head -c "$((bytes - 3))" /dev/zero | tr '\0' 'x' > "$work/paste.txt"
printf 'END' >> "$work/paste.txt"
unset TMUX
tmux_ new-session -d -s p -x 100 -y 30 -e LANG=C.UTF-8 "$binary" "$work/CustomMessage_SignUp.json"
wait_for() {
    local deadline=$((SECONDS + 60))
    until tmux_ capture-pane -p -t p | grep -q "$1"; do
        [ "$SECONDS" -lt "$deadline" ] || { echo "timed out waiting for $1" >&2; tmux_ capture-pane -p -t p >&2; exit 1; }
        sleep 0.01
    done
}
wait_for "Events 1"
# The emailSubject value of the response: a text input.
tmux_ send-keys -t p Tab Tab j j Enter
wait_for "emailSubject (text)"
tmux_ load-buffer -b big "$work/paste.txt"
start=$(date +%s%N)
tmux_ paste-buffer -p -b big -t p
wait_for "xxEND"
end=$(date +%s%N)
echo "paste of $bytes bytes into a text input: $(( (end - start) / 1000000 )) ms (until the end shows)"
tmux_ send-keys -t p Escape q
