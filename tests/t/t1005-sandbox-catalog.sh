#!/bin/sh
test_description='syncro-sandbox: customers, contacts, products, users, settings, rate limit'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

test_expect_success 'GET /customers: businesses and people, meta with entries' '
	sandbox_get customers >c.json &&
	jq -c ".meta" c.json >actual &&
	echo "{\"total_pages\":1,\"total_entries\":10,\"per_page\":25,\"page\":1}" >expect &&
	test_cmp expect actual &&
	jq -r ".customers[] | select(.id == 34288075) | [.business_then_name, .fullname, .business_and_full_name, (.contacts|length)] | @tsv" c.json >actual &&
	printf "Desert Sun Dental\tLinda Chavez\tDesert Sun Dental - Linda Chavez\t2\n" >expect &&
	test_cmp expect actual &&
	jq -r ".customers[] | select(.id == 34288070) | [.business_then_name, .business_and_full_name] | @tsv" c.json >actual &&
	printf "Jerry Burger\tJerry Burger\n" >expect && test_cmp expect actual
'

test_expect_success 'customers: query, disabled ones only with include_disabled' '
	sandbox_get "customers?query=dental" | jq -r ".customers[].business_then_name" >actual &&
	echo "Desert Sun Dental" >expect && test_cmp expect actual &&
	sandbox_get "customers?query=bakery" | jq ".customers | length" >actual &&
	echo 0 >expect && test_cmp expect actual &&
	sandbox_get "customers?query=bakery&include_disabled=true" | jq -r ".customers[].business_name" >actual &&
	echo "Old Town Bakery" >expect && test_cmp expect actual &&
	sandbox_get "customers?per_page=3&page=2" | jq -c "[(.customers|length), .meta]" >actual &&
	echo "[3,{\"total_pages\":4,\"total_entries\":10,\"per_page\":3,\"page\":2}]" >expect && test_cmp expect actual
'

test_expect_success 'GET /customers/{id} is wrapped and has the links; 404 otherwise' '
	sandbox_get customers/34288075 | jq -r ".customer | [.business_name, (.ticket_links|length > 0), (.invoice_links|type)] | @tsv" >actual &&
	printf "Desert Sun Dental\ttrue\tarray\n" >expect && test_cmp expect actual &&
	test_must_fail sandbox_get customers/1 >actual &&
	printf "{\"message\":\"Not found\"}" >expect && test_cmp expect actual
'

test_expect_success 'autocomplete has no meta' '
	sandbox_get "customers/autocomplete?query=jerry" | jq -c "[keys, [.customers[].id]]" >actual &&
	echo "[[\"customers\"],[34288070]]" >expect && test_cmp expect actual
'

test_expect_success 'POST /customers: 200 wrapped; a bad email is 422 with params' '
	sandbox_curl -X POST -H "Authorization: Bearer $TEST_API_KEY" -H "Content-Type: application/json" \
		--data "{\"business_name\":\"Cactus Cafe\",\"firstname\":\"Ana\",\"lastname\":\"Ruiz\",\"email\":\"ana@cactus.example\"}" \
		"$SYNCRO_BASE_URL/customers" | jq -r ".customer | [.business_then_name, .fullname] | @tsv" >actual &&
	printf "Cactus Cafe\tAna Ruiz\n" >expect && test_cmp expect actual &&
	sandbox_curl -X POST -H "Authorization: Bearer $TEST_API_KEY" -H "Content-Type: application/json" \
		-w "\n%{http_code}\n" --data "{\"firstname\":\"A\",\"email\":\"not an email\"}" \
		"$SYNCRO_BASE_URL/customers" >actual &&
	cat >expect <<-\EOF &&
	{"success":false,"message":["Email is not an email"],"params":{"firstname":"A","email":"not an email"}}
	422
	EOF
	test_cmp expect actual
'

test_expect_success 'GET /contacts: by customer, meta with 50 a page' '
	sandbox_get "contacts?customer_id=34288075" >ct.json &&
	jq -r ".contacts[].name" ct.json >actual &&
	printf "%s\n" "Linda Chavez" "Dr. Raj Patel" >expect && test_cmp expect actual &&
	jq -c .meta ct.json >actual &&
	echo "{\"total_pages\":1,\"total_entries\":2,\"per_page\":50,\"page\":1}" >expect && test_cmp expect actual
'

test_expect_success 'the labor products, by category, query and id' '
	sandbox_get "products?category_id=58201" | jq -r ".products[] | \"\(.id) \(.name)\"" >actual &&
	cat >expect <<-\EOF &&
	1190473 Labor - Remote Business
	26118 Labor - Onsite Business
	26184 Labor - Emergency or After Hours Business
	9269129 Labor - Project
	9269124 Labor - Internal
	26117 Fee - Travel Time
	68055 Labor - Website
	EOF
	test_cmp expect actual &&
	sandbox_get "products?query=toner" | jq -r ".products[].name" >actual &&
	echo "Brother TN-760 Toner Cartridge" >expect && test_cmp expect actual &&
	sandbox_get products/68055 | jq -r ".product.name" >actual &&
	echo "Labor - Website" >expect && test_cmp expect actual &&
	sandbox_get products/categories | jq -r ".categories[].name" >actual &&
	printf "%s\n" Labor Hardware >expect && test_cmp expect actual
'

test_expect_success 'users: pairs in the list, wrapped alone' '
	sandbox_get users | jq -c . >actual &&
	echo "{\"users\":[[74571,\"Mike Ritter\"],[74572,\"Sam Ortega\"],[74573,\"Priya Nair\"]]}" >expect &&
	test_cmp expect actual &&
	sandbox_get users/74573 | jq -r ".user | [.full_name, .admin] | @tsv" >actual &&
	printf "Priya Nair\tfalse\n" >expect && test_cmp expect actual
'

test_expect_success 'tickets/settings: statuses, default labor, techs' '
	sandbox_get tickets/settings | jq -c "[.ticket_status_list, .default_labor_product_id, .users]" >actual &&
	echo "[[\"New\",\"In Progress\",\"Resolved\",\"Invoiced\",\"Waiting for Parts\",\"Waiting on Customer\",\"Scheduled\",\"Customer Reply\"],1190473,[{\"id\":74571,\"name\":\"Mike Ritter\"},{\"id\":74572,\"name\":\"Sam Ortega\"},{\"id\":74573,\"name\":\"Priya Nair\"}]]" >expect &&
	test_cmp expect actual
'

# codes N: the status codes of N quick GET /me
codes () {
	i=0
	while test $i -lt "$1"; do
		sandbox_curl -D "head$i" -o "body$i" -w "%{http_code}\n" \
			-H "Authorization: Bearer $TEST_API_KEY" "$SYNCRO_BASE_URL/me" || return 1
		i=$((i + 1))
	done
}

test_expect_success 'rate limit: 429 with a JSON body and Retry-After after N a minute' '
	(
		start_sandbox --rate-limit 3 &&
		codes 5 >actual &&
		sandbox_get me >/dev/null &&
		sandbox_requests_json | jq -r ".requests[].status" >logged &&
		stop_sandbox
	) &&
	printf "%s\n" 200 200 200 429 429 >expect && test_cmp expect actual &&
	test_cmp expect logged &&
	printf "{\"error\":\"Rate limit exceeded\"}" >expect && test_cmp expect body3 &&
	tr -d "\r" <head3 | grep -i "^retry-after: [12][0-9]$" &&
	grep -i "^content-type: application/json" head3
'

test_expect_success 'rate limit: --no-retry-after leaves the header out' '
	(
		start_sandbox --rate-limit 2 --no-retry-after &&
		codes 3 >actual &&
		stop_sandbox
	) &&
	printf "%s\n" 200 200 429 >expect && test_cmp expect actual &&
	test_grep_not -i "^retry-after" head2
'

test_expect_success 'rate limit: 0 turns it off; reset refills the bucket' '
	(
		start_sandbox --rate-limit 0 &&
		codes 5 >actual &&
		stop_sandbox
	) &&
	printf "%s\n" 200 200 200 200 200 >expect && test_cmp expect actual &&
	(
		start_sandbox --rate-limit 1 &&
		codes 2 >actual &&
		sandbox_reset &&
		codes 1 >>actual &&
		stop_sandbox
	) &&
	printf "%s\n" 200 429 200 >expect && test_cmp expect actual
'

test_done
