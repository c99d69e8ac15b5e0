#!/bin/sh
# Closing a ticket by hand, as it is done today without syncro: resolve the
# number with one curl, post the resolution comment with another, set the
# status with a third, report it with python3.
#   SYNCRO_BASE_URL=... SYNCRO_API_KEY=... bench/baseline/close.sh 32164 'text'
set -eu
py=${PYTHON:-python3}
auth="Authorization: Bearer $SYNCRO_API_KEY"
json='Content-Type: application/json'
id=$(curl -fsS -H "$auth" "$SYNCRO_BASE_URL/tickets?number=${1#\#}" |
	"$py" -c 'import json, sys; print(json.load(sys.stdin)["tickets"][0]["id"])')
# Quotes and backslashes escaped by hand; other control characters are not.
text=$(printf %s "$2" | sed 's/[\\"]/\\&/g')
body=$(printf '{"subject":"Resolution","body":"%s","hidden":false,"do_not_email":true}' "$text")
curl -fsS -H "$auth" -H "$json" --data "$body" "$SYNCRO_BASE_URL/tickets/$id/comment" >/dev/null
curl -fsS -X PUT -H "$auth" -H "$json" --data '{"status":"Resolved"}' \
	"$SYNCRO_BASE_URL/tickets/$id" | "$py" -c '
import json, sys
t = json.load(sys.stdin)["ticket"]
print("#%s  %s" % (t["number"], t["status"]))
'
