#!/bin/sh
# A ticket by hand, as it is done today without syncro: resolve the number
# with one curl, fetch the ticket with another, format it with python3.
#   SYNCRO_BASE_URL=... SYNCRO_API_KEY=... bench/baseline/ticket.sh 32164
set -eu
py=${PYTHON:-python3}
auth="Authorization: Bearer $SYNCRO_API_KEY"
id=$(curl -fsS -H "$auth" "$SYNCRO_BASE_URL/tickets?number=${1#\#}" |
	"$py" -c 'import json, sys; print(json.load(sys.stdin)["tickets"][0]["id"])')
curl -fsS -H "$auth" "$SYNCRO_BASE_URL/tickets/$id" | "$py" -c '
import json, sys
t = json.load(sys.stdin)["ticket"]
customer = t.get("customer") or {}
print("#%s  %s" % (t["number"], t["subject"]))
print("status:    %s" % t["status"])
print("customer:  %s" % (customer.get("business_then_name") or t.get("customer_business_then_name") or ""))
print("priority:  %s" % (t.get("priority") or ""))
print("created:   %s" % t["created_at"][:16].replace("T", " "))
for c in t.get("comments") or []:
    print()
    print("%s  %s%s" % (c["created_at"][:16].replace("T", " "), c.get("tech") or "customer",
                        "  (private)" if c.get("hidden") else ""))
    print(c.get("body") or "")
'
