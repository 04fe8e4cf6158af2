# Handlers for the curl bootstrap: each gets the event as $1 and prints the answer.

# Pre sign-up: confirm the user (the fixtures spell the field "autoConfirmUser": false).
confirm() {
  echo "confirming" >&2
  echo "$1" | sed 's/"autoConfirmUser": false/"autoConfirmUser": true/'
}
