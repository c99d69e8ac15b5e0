#!/bin/sh
test_description='syncro-sandbox: every OpenAPI response example has the same shape here

tests/data/swagger-examples.json holds the response examples of the
operations the sandbox implements, extracted from Syncro'"'"'s OpenAPI file
with jq (method, path, status, example). For each, the sandbox answers an
equivalent request with the same status, the same top-level keys, the same
meta keys, and, for a wrapped object or a list of objects, at least the
keys of the example.'
. "$(dirname "$0")/../test-lib.sh"

examples=$abs_top_srcdir/tests/data/swagger-examples.json
# the OpenAPI example lists whole invoices; the default lists lean items
start_sandbox --quirk invoice-ticket-id

# METHOD TEMPLATE STATUS | the concrete path | the JSON body
cat >requests <<'END'
GET /me 200|me|
GET /tickets 200|tickets|
POST /tickets 200|tickets|{"customer_id":34288070,"subject":"Conformance"}
POST /tickets 422|tickets|{"subject":"No customer"}
GET /tickets/{id} 200|tickets/108430330|
PUT /tickets/{id} 200|tickets/108430330|{"priority":"1 High"}
PUT /tickets/{id} 422|tickets/108430330|{"subject":""}
DELETE /tickets/{id} 200|tickets/108420066|
DELETE /tickets/{id} 404|tickets/1|
GET /tickets/settings 200|tickets/settings|
POST /tickets/{id}/comment 200|tickets/108430330/comment|{"subject":"Update","body":"Working on it"}
POST /tickets/{id}/comment 422|tickets/108430330/comment|{}
GET /tickets/{id}/comments 200|tickets/108429977/comments|
POST /tickets/{id}/timer_entry 200|tickets/108430330/timer_entry|{"start_at":"2026-04-21T15:00:00Z","duration_minutes":10}
POST /tickets/{id}/timer_entry 422|tickets/108430330/timer_entry|{"duration_minutes":10}
PUT /tickets/{id}/update_timer_entry 200|tickets/108429977/update_timer_entry|{"timer_entry_id":8812040,"notes":"Updated Notes"}
POST /tickets/{id}/delete_timer_entry 200|tickets/108429712/delete_timer_entry|{"timer_entry_id":8812057}
POST /tickets/{id}/charge_timer_entry 200|tickets/108429977/charge_timer_entry|{"timer_entry_id":8812040}
GET /ticket_timers 200|ticket_timers|
POST /tickets/{id}/add_line_item 200|tickets/108430330/add_line_item|{"name":"Manual Item","description":"No Product","price_cost":10,"price_retail":15}
POST /tickets/{id}/add_line_item 422|tickets/108430330/add_line_item|{}
PUT /tickets/{id}/update_line_item 200|tickets/108428512/update_line_item|{"ticket_line_item_id":29871500,"name":"Updated Line Name"}
POST /tickets/{id}/remove_line_item 200|tickets/108428001/remove_line_item|{"ticket_line_item_id":29871546}
GET /customers 200|customers|
POST /customers 200|customers|{"firstname":"Walkin","lastname":"Customer","email":"walkin@example.com"}
POST /customers 422|customers|{"business_name":"Real Business","firstname":"First","lastname":"Last","email":"it is not an email"}
GET /customers/{id} 200|customers/34288075|
GET /customers/autocomplete 200|customers/autocomplete?query=j|
GET /contacts 200|contacts|
GET /invoices 200|invoices|
POST /invoices 200|invoices|{"ticket_id":108428512}
GET /products 200|products|
GET /products/{id} 200|products/1190473|
GET /products/categories 200|products/categories|
GET /users 200|users|
GET /users/{id} 200|users/74571|
END

# Examples the sandbox does not emulate, and why.
cat >not-emulated <<'END'
GET /contacts 401 (a permission failure; the sandbox's key may do everything)
END

# The shape: the top-level keys, and for each object or list of objects
# under them the keys of the object (or of its first element).
cat >shape.jq <<'END'
def inner: if type == "object" then keys
	elif type == "array" and length > 0 and (.[0] | type) == "object" then .[0] | keys
	else null end;
{top: (if type == "object" then keys else type end),
 inner: (if type == "object" then with_entries(.value |= inner) | with_entries(select(.value != null)) else {} end)}
END

# Same top keys; meta keys equal; every other inner key set contained.
cat >same.jq <<'END'
($want[0].top == $got[0].top) and
($want[0].inner | to_entries | all(.key as $k | .value as $v |
	($got[0].inner[$k] // null) as $have |
	if $k == "meta" then $have == $v
	elif $have == null then false
	else ($v - $have) == [] end))
END

jq -r '.[] | "\(.method) \(.path) \(.status)"' "$examples" >operations

test_expect_success 'every example has a request here or a reason it is not emulated' '
	{ cut -d"|" -f1 requests && sed "s/ (.*//" not-emulated; } | sort >covered &&
	sort operations >expect &&
	test_cmp expect covered
'

while IFS='|' read -r op path body; do
	test_expect_success "$op has the example's shape" '
		set -- $op &&
		jq --arg m "$1" --arg p "$2" --argjson s "$3" \
			".[] | select(.method == \$m and .path == \$p and .status == \$s) | .example" \
			"$examples" >example.json &&
		sandbox_curl -X "$1" -H "Authorization: Bearer $TEST_API_KEY" \
			-H "Content-Type: application/json" ${body:+--data "$body"} \
			-o actual.json -w "%{http_code}\n" "$SYNCRO_BASE_URL/$path" >code &&
		echo "$3" >expect && test_cmp expect code &&
		jq -f shape.jq example.json >want &&
		jq -f shape.jq actual.json >got &&
		jq -n --slurpfile want want --slurpfile got got -f same.jq >ok &&
		if test "$(cat ok)" != true; then
			echo "example:" && cat want && echo "sandbox:" && cat got && false
		fi
	'
done <requests

test_done
