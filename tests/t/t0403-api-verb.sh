#!/bin/sh
test_description='syncro: methods, fields, --input, -i, --paginate, auth forms'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox --page-size 5

test_expect_success 'GET with -f sends a query and prints the answer indented' '
	sandbox_clear_requests &&
	syncro api /tickets -f number=32164 -f "query=Own cloud" >out &&
	jq -r ".tickets[] | \"\(.id) \(.number)\"" out >actual &&
	echo "108430330 32164" >expect && test_cmp expect actual &&
	sandbox_get "tickets?number=32164&query=Own+cloud" | jq . >expect && test_cmp expect out &&
	expect_requests "GET /api/v1/tickets?number=32164&query=Own+cloud"
'

test_expect_success 'a query written in the path is kept' '
	sandbox_clear_requests &&
	syncro api "/tickets?status=In Progress&per_page=2" >out &&
	jq -r ".meta.page" out >actual && echo 1 >expect && test_cmp expect actual &&
	expect_requests "GET /api/v1/tickets?status=In+Progress&per_page=2"
'

test_expect_success 'POST with -f builds a typed JSON body' '
	sandbox_clear_requests &&
	syncro api -X post /tickets/108430330/comment -f subject=Note -f "body=Called 01234" \
		-f hidden=true -f do_not_email=false -f tech=null -f n=12 -f zip=01234 -f x=1.5e3 >out &&
	jq -r .comment.subject out >actual && echo Note >expect && test_cmp expect actual &&
	sandbox_requests_json | jq -c ".requests[0].body" >actual &&
	echo "{\"subject\":\"Note\",\"body\":\"Called 01234\",\"hidden\":true,\"do_not_email\":false,\"tech\":null,\"n\":12,\"zip\":\"01234\",\"x\":1500}" >expect &&
	test_cmp expect actual &&
	expect_requests "POST /api/v1/tickets/108430330/comment"
'

test_expect_success 'a later -f with the same key wins' '
	sandbox_clear_requests &&
	syncro api -X PUT /tickets/108430330 -f status=New -f status=Scheduled >out &&
	sandbox_requests_json | jq -c ".requests[0].body" >actual &&
	echo "{\"status\":\"Scheduled\"}" >expect && test_cmp expect actual &&
	jq -r .ticket.status out >actual && echo Scheduled >expect && test_cmp expect actual
'

test_expect_success '--input FILE and --input - send the JSON as it is (POST by default)' '
	sandbox_reset &&
	echo "{\"subject\":\"From a file\",\"body\":\"b\",\"hidden\":true}" >body.json &&
	syncro api /tickets/108430330/comment --input body.json >out1 &&
	syncro api /tickets/108430330/comment --input - <body.json >out2 &&
	jq -r .comment.subject out1 out2 >actual &&
	printf "From a file\nFrom a file\n" >expect && test_cmp expect actual &&
	sandbox_requests_json | jq -c ".requests[].body" >actual &&
	jq -c . body.json body.json >expect && test_cmp expect actual &&
	expect_requests "POST /api/v1/tickets/108430330/comment" "POST /api/v1/tickets/108430330/comment"
'

test_expect_success '-i prints the status line and headers, then the body' '
	syncro api -i /me >out &&
	head -n 1 out >actual && echo "HTTP/1.1 200 OK" >expect && test_cmp expect actual &&
	grep -i "^content-type: application/json" out &&
	sed "1,/^\$/d" out >body &&
	sandbox_get me | jq . >expect && test_cmp expect body
'

test_expect_success '-i on an error shows the status too, exit code kept' '
	test_expect_code 4 syncro api -i /tickets/1 >out 2>err &&
	head -n 1 out >actual && echo "HTTP/1.1 404 Not Found" >expect && test_cmp expect actual &&
	sed "1,/^\$/d" out >body &&
	printf "{\n  \"message\": \"Not found\"\n}\n" >expect && test_cmp expect body
'

test_expect_success '--paginate asks for 100 a page and merges the pages' '
	sandbox_clear_requests &&
	syncro api --paginate /tickets >out &&
	sandbox_get "tickets?per_page=100" | jq "[.tickets[]]" >expect &&
	test_cmp expect out &&
	expect_requests "GET /api/v1/tickets?page=1&per_page=100"
'

test_expect_success '--paginate follows meta.total_pages with the page size asked for' '
	sandbox_clear_requests &&
	syncro api --paginate /tickets -f per_page=2 -f status=New >out &&
	sandbox_get "tickets?status=New&per_page=100" | jq "[.tickets[]]" >expect &&
	test_cmp expect out &&
	total=$(jq length out) && pages=$(( (total + 1) / 2 )) &&
	test "$pages" -ge 2 &&
	for p in $(seq 1 $pages); do
		echo "GET /api/v1/tickets?per_page=2&status=New&page=$p" || return 1
	done >expect.requests &&
	sandbox_requests >actual.requests &&
	test_cmp expect.requests actual.requests
'

test_expect_success '--paginate with the server default page size' '
	sandbox_clear_requests &&
	syncro api --paginate "/tickets?per_page=5" >out &&
	total=$(jq length out) &&
	sandbox_get "tickets?per_page=100" | jq ".tickets | length" >expect &&
	echo "$total" >actual && test_cmp expect actual &&
	test "$(sandbox_requests | wc -l)" = $(( (total + 4) / 5 ))
'

test_expect_success 'auth: query sends api_key as the first parameter, no header' '
	mkdir -p "$XDG_CONFIG_HOME/syncro" &&
	echo "auth: query" >"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	sandbox_clear_requests &&
	syncro api /tickets -f number=32164 >out &&
	rm "$XDG_CONFIG_HOME/syncro/config.yaml" &&
	expect_requests "GET /api/v1/tickets?api_key=REDACTED&number=32164" &&
	sandbox_requests_json | jq -r ".requests[0].auth" >actual &&
	echo query >expect && test_cmp expect actual
'

test_expect_success 'the key goes as Authorization: Bearer by default' '
	sandbox_clear_requests &&
	syncro api /me >out &&
	sandbox_requests_json | jq -r ".requests[0].auth" >actual &&
	echo bearer >expect && test_cmp expect actual
'

test_expect_success 'DELETE, and an empty answer prints nothing' '
	sandbox_clear_requests &&
	syncro api -X DELETE /tickets/108430301 >out &&
	jq -r .message out >actual && echo "Ticket was successfully deleted. " >expect && test_cmp expect actual &&
	sandbox_fail "{\"path\":\"/api/v1/me\",\"status\":204,\"body\":\"\"}" &&
	syncro api /me >out &&
	test ! -s out &&
	sandbox_reset
'

test_expect_success 'usage errors are exit 2 and send nothing' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro api 2>err &&
	grep "^usage: syncro api" err &&
	test_expect_code 2 syncro api /me /you 2>err &&
	test_expect_code 2 syncro api -X FETCH /me 2>err &&
	echo "syncro: unknown method '\''FETCH'\''; use GET, POST, PUT, PATCH or DELETE" >expect &&
	head -n 1 err >actual && test_cmp expect actual &&
	test_expect_code 2 syncro api -X POST /me -f novalue 2>err &&
	test_expect_code 2 syncro api -X POST /me -f =x 2>err &&
	test_expect_code 2 syncro api -X GET /me --input body.json 2>err &&
	test_expect_code 2 syncro api -X POST /me --input body.json -f a=b 2>err &&
	test_expect_code 2 syncro api -X POST --paginate /tickets 2>err &&
	test_expect_code 2 syncro api -i --paginate /tickets 2>err &&
	echo "not json" >bad.json &&
	test_expect_code 2 syncro api --input bad.json /tickets 2>err &&
	echo "syncro: '\''bad.json'\'' does not hold one JSON value" >expect && test_cmp expect err &&
	test_expect_code 1 syncro api --input missing.json /tickets 2>err &&
	sandbox_requests >actual &&
	test ! -s actual
'

test_expect_success '--help names every option' '
	syncro api --help >out &&
	for opt in --method --field --input --paginate --include --verbose --help; do
		grep -e "$opt" out || return 1
	done
'

test_done
