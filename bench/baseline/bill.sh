#!/bin/sh
# Billing a ticket by hand, as it is done today without syncro: resolve the
# number, post the work comment, log the time as a timer, charge it, make
# the invoice from the ticket, set the status: six curls, python3 to read
# the answers.
#   SYNCRO_BASE_URL=... SYNCRO_API_KEY=... bench/baseline/bill.sh 32164 MINUTES PRODUCT_ID 'notes'
set -eu
py=${PYTHON:-python3}
auth="Authorization: Bearer $SYNCRO_API_KEY"
json='Content-Type: application/json'
field () {	# PYTHON-EXPRESSION over the JSON answer j
	"$py" -c "import json, sys; j = json.load(sys.stdin); print($1)"
}
ticket=$(curl -fsS -H "$auth" "$SYNCRO_BASE_URL/tickets?number=${1#\#}" |
	field '"%s %s" % (j["tickets"][0]["id"], j["tickets"][0]["customer_id"])')
id=${ticket% *} customer=${ticket#* }
# Quotes and backslashes escaped by hand; other control characters are not.
text=$(printf %s "$4" | sed 's/[\\"]/\\&/g')
curl -fsS -H "$auth" -H "$json" \
	--data "$(printf '{"subject":"Update","body":"%s","hidden":true}' "$text")" \
	"$SYNCRO_BASE_URL/tickets/$id/comment" >/dev/null
start=$(date -u -d "-$2 minutes" +%Y-%m-%dT%H:%M:%SZ)
timer=$(curl -fsS -H "$auth" -H "$json" \
	--data "$(printf '{"start_at":"%s","duration_minutes":%s,"product_id":%s,"notes":"%s"}' "$start" "$2" "$3" "$text")" \
	"$SYNCRO_BASE_URL/tickets/$id/timer_entry" | field 'j["id"]')
curl -fsS -H "$auth" -H "$json" --data "{\"timer_entry_id\":$timer}" \
	"$SYNCRO_BASE_URL/tickets/$id/charge_timer_entry" >/dev/null
total=$(curl -fsS -H "$auth" -H "$json" --data "{\"ticket_id\":$id,\"customer_id\":$customer}" \
	"$SYNCRO_BASE_URL/invoices" | field '"%s %s" % (j["invoice"]["number"], j["invoice"]["total"])')
curl -fsS -X PUT -H "$auth" -H "$json" --data '{"status":"Invoiced"}' \
	"$SYNCRO_BASE_URL/tickets/$id" >/dev/null
echo "invoice ${total% *} total ${total#* }"
