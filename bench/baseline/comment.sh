#!/bin/sh
# A comment by hand, as it is done today without syncro: resolve the number
# with one curl, post the comment with another, report it with python3.
#   SYNCRO_BASE_URL=... SYNCRO_API_KEY=... bench/baseline/comment.sh 32164 'text'
set -eu
py=${PYTHON:-python3}
auth="Authorization: Bearer $SYNCRO_API_KEY"
id=$(curl -fsS -H "$auth" "$SYNCRO_BASE_URL/tickets?number=${1#\#}" |
	"$py" -c 'import json, sys; print(json.load(sys.stdin)["tickets"][0]["id"])')
# Quotes and backslashes escaped by hand; other control characters are not.
text=$(printf %s "$2" | sed 's/[\\"]/\\&/g')
body=$(printf '{"subject":"Update","body":"%s","hidden":false,"do_not_email":true}' "$text")
curl -fsS -H "$auth" -H 'Content-Type: application/json' --data "$body" \
	"$SYNCRO_BASE_URL/tickets/$id/comment" | "$py" -c '
import json, sys
c = json.load(sys.stdin)["comment"]
print("comment %s added to ticket %s" % (c["id"], c["ticket_id"]))
'
