#!/bin/sh
# A runtime that misbehaves in the way its first argument names, for the host's fault tests.
API="http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime"
next() {
  HEADERS="$(mktemp)"
  EVENT=$(curl -sS -D "$HEADERS" "$API/invocation/next")
  ID=$(grep -Fi Lambda-Runtime-Aws-Request-Id "$HEADERS" | tr -d '[:space:]' | cut -d: -f2)
  rm -f "$HEADERS"
}
answer() { curl -sS -o /dev/null "$API/invocation/$ID/response" --data-binary "$1"; }
case "$1" in
exits-early)
  echo "loading the handler" >&2
  echo "ImportError: no module named app" >&2
  exit 4 ;;
init-error)
  curl -sS -o /dev/null "$API/init/error" -H "Lambda-Runtime-Function-Error-Type: Runtime.ImportModuleError" \
    -d '{"errorMessage":"Unable to import module app","errorType":"Runtime.ImportModuleError","stackTrace":["line one","line two"]}'
  exit 1 ;;
error)
  next
  curl -sS -o /dev/null "$API/invocation/$ID/error" -H "Lambda-Runtime-Function-Error-Type: Error" \
    -d '{"errorMessage":"Email domain not allowed","errorType":"ValueError","stackTrace":["  File \"app.py\", line 3, in handler"]}'
  sleep 30 ;;
not-json)
  next; answer "hello, Cognito"; sleep 30 ;;
not-utf8)
  next; printf '{"a":"\377"}' > "${TMPDIR:-/tmp}/cte-not-utf8.$$"; curl -sS -o /dev/null "$API/invocation/$ID/response" --data-binary "@${TMPDIR:-/tmp}/cte-not-utf8.$$"; rm -f "${TMPDIR:-/tmp}/cte-not-utf8.$$"; sleep 30 ;;
huge)
  next; head -c 7000000 /dev/zero | tr '\0' ' ' | curl -sS -o /dev/null "$API/invocation/$ID/response" --data-binary @-; sleep 30 ;;
crash)
  next; echo "Segmentation fault (pretend)" >&2; exit 139 ;;
sleeps)
  # A child that would outlive its parent unless the whole group is killed.
  sh -c 'echo $$ > "$0"; exec sleep 60' "$2" &
  next; sleep 60 ;;
unknown-path)
  curl -sS -o /dev/null "$API/invocation/status"
  next; answer "$EVENT"; sleep 30 ;;
expects-continue)
  # Asks for permission before sending the body, as curl does for large bodies.
  next; curl -sS -o /dev/null -H "Expect: 100-continue" "$API/invocation/$ID/response" --data-binary "$EVENT"; sleep 30 ;;
asks-twice)
  next; curl -sS -o /dev/null "$API/invocation/next"; sleep 30 ;;
echo)
  while true; do next; echo "event $ID" >&2; answer "$EVENT"; done ;;
confirm)
  # Pre sign-up: confirm the user (the fixtures spell the field "autoConfirmUser": false).
  while true; do next; echo "confirming" >&2; answer "$(echo "$EVENT" | sed 's/"autoConfirmUser": false/"autoConfirmUser": true/')"; done ;;
esac
