#!/bin/sh
test_description='errors from the API: one message and exit code for each kind'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

cat >expect.401 <<\EOF
syncro: the Syncro API refused 'GET /tickets' (401): Not authorized
hint: the API key may be wrong or expired, or lack the permission 'Tickets - List/Search'; check it with 'syncro doctor'
EOF
test_expect_success 'a wrong key is exit 3 with a hint naming the permission' '
	sandbox_clear_requests &&
	test_expect_code 3 env SYNCRO_API_KEY=wrong-key syncro api /tickets >out 2>err &&
	test_cmp expect.401 err &&
	printf "{\n  \"error\": \"Not authorized\"\n}\n" >expect && test_cmp expect out &&
	expect_requests "GET /api/v1/tickets"
'

cat >expect.403 <<\EOF
syncro: the Syncro API refused 'POST /tickets/108430330/comment' (403): Not authorized. Please ask account admin to update your group permissions.
hint: the API key may be wrong or expired, or lack the permission 'Tickets - Edit'; check it with 'syncro doctor'
EOF
test_expect_success 'a 403 for a missing permission is exit 3 with the permission' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/tickets/*/comment\",\"status\":403,
		\"body\":\"{\\\"error\\\": \\\"Not authorized. Please ask account admin to update your group permissions.\\\"}\"}" &&
	test_expect_code 3 syncro api -X POST /tickets/108430330/comment -f subject=s -f body=b >out 2>err &&
	test_cmp expect.403 err &&
	expect_requests "POST /api/v1/tickets/108430330/comment"
'

test_expect_success 'a 404 is exit 4 naming what was not found' '
	sandbox_clear_requests &&
	test_expect_code 4 syncro api /tickets/99999999 >out 2>err &&
	echo "syncro: '\''/tickets/99999999'\'' not found" >expect &&
	test_cmp expect err &&
	expect_requests "GET /api/v1/tickets/99999999"
'

# check_422 BODY MESSAGE: a 422 with BODY gives exit 5 and MESSAGE.
check_422 () {
	sandbox_clear_requests &&
	jq -n --arg body "$1" "{path: \"/api/v1/tickets\", method: \"POST\", status: 422, body: \$body}" >rule.json &&
	sandbox_fail "$(cat rule.json)" &&
	test_expect_code 5 syncro api -X POST /tickets -f subject=x >out 2>err &&
	echo "syncro: the Syncro API rejected 'POST /tickets': $2" >expect &&
	test_cmp expect err &&
	echo "$1" | jq . >expect && test_cmp expect out &&
	expect_requests "POST /api/v1/tickets"
}

test_expect_success '422 {"error": string} shows the API words' '
	check_422 "{\"error\": \"Customer required field\"}" "Customer required field"
'

test_expect_success '422 {"success": false, "message": [...]} joins the messages' '
	check_422 "{\"success\": false, \"message\": [\"Body can'\''t be blank\", \"Subject can'\''t be blank\"]}" \
		"Body can'\''t be blank; Subject can'\''t be blank"
'

test_expect_success '422 {"errors": string, "params": {}}' '
	check_422 "{\"errors\": \"Name can'\''t be blank, Description can'\''t be blank\", \"params\": {}}" \
		"Name can'\''t be blank, Description can'\''t be blank"
'

test_expect_success '422 {"errors": [array]}' '
	check_422 "{\"errors\": [\"billable must be true or false\"]}" "billable must be true or false"
'

test_expect_success '422 {"errors": {field: [...]}}' '
	check_422 "{\"errors\": {\"mute_for\": [\"is not included in the list\"]}}" \
		"mute_for is not included in the list"
'

test_expect_success '422 {"record": ..., "errors": string}' '
	check_422 "{\"record\": {\"id\": null}, \"errors\": \"Email is not an email\"}" "Email is not an email"
'

test_expect_success '422 {field: [...]} without a wrapper' '
	check_422 "{\"customer_id\": [\"can'\''t be blank\"], \"date\": [\"can'\''t be blank\"]}" \
		"customer_id can'\''t be blank; date can'\''t be blank"
'

test_expect_success '422 with no body at all says the API gave no reason' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/invoices\",\"status\":422,\"body\":\"\"}" &&
	test_expect_code 5 syncro api -X POST /invoices -f ticket_id=1 >out 2>err &&
	echo "syncro: the Syncro API rejected '\''POST /invoices'\'' (422) without saying why" >expect &&
	test_cmp expect err &&
	test ! -s out
'

cat >expect.html <<\EOF
syncro: the Syncro API answered 'GET /me' with 200 and a body that is not JSON (text/html)
hint: a login page or a proxy may be in the way; check the base URL with 'syncro doctor'
EOF
test_expect_success 'an HTML page with 200 (a login page) is exit 7 with status and type' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/me\",\"status\":200,\"body\":\"<html>Log in</html>\",\"content_type\":\"text/html\"}" &&
	test_expect_code 7 syncro api /me >out 2>err &&
	test_cmp expect.html err &&
	test ! -s out &&
	expect_requests "GET /api/v1/me"
'

cat >expect.invalid <<\EOF
syncro: the Syncro API answered 'GET /tickets' with 200 and a body that is not JSON (application/json)
hint: a login page or a proxy may be in the way; check the base URL with 'syncro doctor'
EOF
test_expect_success 'invalid JSON is exit 7, not a crash' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/tickets\",\"status\":200,\"body\":\"{\\\"tickets\\\": [\",\"content_type\":\"application/json\"}" &&
	test_expect_code 7 syncro api /tickets >out 2>err &&
	test_cmp expect.invalid err &&
	expect_requests "GET /api/v1/tickets"
'

cat >expect.500 <<\EOF
syncro: the Syncro API answered 'POST /tickets' with 500 and a body that is not JSON (text/html)
hint: try again later; 'syncro doctor' checks the connection
EOF
test_expect_success 'an HTML 500 is exit 7 with status and content type' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/tickets\",\"status\":500,\"body\":\"<html>oops</html>\",\"content_type\":\"text/html\"}" &&
	test_expect_code 7 syncro api -X POST /tickets -f subject=x >out 2>err &&
	test_cmp expect.500 err &&
	expect_requests "POST /api/v1/tickets"
'

cat >expect.refused <<\EOF
syncro: cannot reach the Syncro API for 'GET /me': Failed to connect to 127.0.0.1 port 9
hint: check the network and the base URL with 'syncro doctor'
EOF
test_expect_success 'no server at all is exit 7' '
	test_expect_code 7 env SYNCRO_BASE_URL=http://127.0.0.1:9/api/v1 syncro api /me >out 2>err &&
	sed "s/port 9 .*/port 9/" err >err.stable &&
	test_cmp expect.refused err.stable
'

test_expect_success 'plain http to a host that is not loopback is refused (exit 3), nothing sent' '
	test_expect_code 3 env SYNCRO_BASE_URL=http://syncro.example/api/v1 syncro api /me >out 2>err &&
	echo "syncro: refusing to send the API key over plain http to '\''syncro.example'\''; use https (base URL from env SYNCRO_BASE_URL)" >expect &&
	test_cmp expect err &&
	test ! -s out
'

test_expect_success 'a path that is a URL or leaves the base URL is a usage error' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro api https://evil.example/steal >out 2>err &&
	echo "syncro: '\''https://evil.example/steal'\'' is a URL; give a path under the API base URL, like '\''/tickets'\''" >expect &&
	test_cmp expect err &&
	test_expect_code 2 syncro api /../../__sandbox/requests 2>err &&
	echo "syncro: '\''/../../__sandbox/requests'\'' is outside the API base URL" >expect &&
	test_cmp expect err &&
	sandbox_requests >actual.requests &&
	test ! -s actual.requests
'

test_done
