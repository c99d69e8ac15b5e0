#!/bin/sh
test_description='syncro: a good setup, and the first problem of a bad one'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

test_expect_success 'a good setup: every check, exit 0' '
	sandbox_clear_requests &&
	syncro doctor >out 2>err &&
	cat >expect <<-EOF &&
	config:       ~/.config/syncro/config.yaml (not found: defaults and environment)
	base URL:     $SYNCRO_BASE_URL (env SYNCRO_BASE_URL)
	TLS CAs:      not used (plain http)
	connection:   not kept warm: connection.keep is 0
	API key:      env SYNCRO_API_KEY
	user:         Mike Ritter (id 74571, admin)
	subdomain:    sandbox
	permissions:  all that syncro needs
	rate limit:   180 requests a minute; 30 of 30 available now
	EOF
	test_cmp expect out &&
	test ! -s err &&
	echo "GET /api/v1/me" >expect && sandbox_requests >actual && test_cmp expect actual
'

test_expect_success 'the config file and the rate limit from the config' '
	mkdir -p "$XDG_CONFIG_HOME/syncro" &&
	printf "rate_limit:\n  per_minute: 60\n" >"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	syncro doctor >out 2>err &&
	rm "$XDG_CONFIG_HOME/syncro/config.yaml" &&
	head -n 1 out >actual &&
	echo "config:       ~/.config/syncro/config.yaml" >expect && test_cmp expect actual &&
	tail -n 1 out >actual &&
	echo "rate limit:   60 requests a minute; 10 of 10 available now" >expect && test_cmp expect actual
'

test_expect_success 'no account configured: exit 3 at the base URL' '
	test_expect_code 3 env -u SYNCRO_BASE_URL syncro doctor >out 2>err &&
	tail -n 1 out >actual && echo "base URL:     none" >expect && test_cmp expect actual &&
	echo "syncro: no Syncro account configured; run '\''syncro config init'\'' (or set SYNCRO_SUBDOMAIN, or '\''subdomain'\'' in '\''~/.config/syncro/config.yaml'\''); to try syncro without an account, run '\''syncro sandbox'\''" >expect &&
	test_cmp expect err
'

test_expect_success 'no key: exit 3 at the key, nothing sent' '
	sandbox_clear_requests &&
	test_expect_code 3 env -u SYNCRO_API_KEY syncro doctor >out 2>err &&
	tail -n 1 out >actual && echo "API key:      none" >expect && test_cmp expect actual &&
	grep "^syncro: no API key" err &&
	sandbox_requests >actual && test ! -s actual
'

test_expect_success 'a wrong key: exit 3 with the API answer' '
	test_expect_code 3 env SYNCRO_API_KEY=not-the-key syncro doctor >out 2>err &&
	tail -n 1 out >actual && echo "GET /me:      failed" >expect && test_cmp expect actual &&
	cat >expect <<-\EOF &&
	syncro: the Syncro API refused '\''GET /me'\'' (401): Not authorized
	hint: the API key may be wrong or expired, or lack a permission this request needs
	EOF
	test_cmp expect err
'

test_expect_success 'an unreachable server: exit 7' '
	test_expect_code 7 env SYNCRO_BASE_URL=http://127.0.0.1:9/api/v1 syncro doctor >out 2>err &&
	grep "^syncro: cannot reach the Syncro API for '\''GET /me'\''" err
'

test_expect_success 'plain http to another host: exit 3' '
	test_expect_code 3 env SYNCRO_BASE_URL=http://syncro.example/api/v1 syncro doctor >out 2>err &&
	grep "^syncro: refusing to send the API key over plain http" err
'

test_expect_success 'missing permissions are listed with the verbs that need them: exit 3' '
	sandbox_get me | jq -c ".permissions.invoice.write = false | .permissions.ticket.write = false" >me.json &&
	jq -n --rawfile body me.json "{path: \"/api/v1/me\", status: 200, body: \$body}" >rule.json &&
	sandbox_fail "$(cat rule.json)" &&
	test_expect_code 3 syncro doctor >out 2>err &&
	tail -n 1 out >actual && echo "permissions:  missing some" >expect && test_cmp expect actual &&
	cat >expect <<-\EOF &&
	syncro: the API key lacks permissions: ticket write (for create, update, comment, time, close, bill), invoice write (for bill)
	hint: ask an account admin to grant them to the key under Admin > API > API Tokens
	EOF
	test_cmp expect err
'

test_expect_success 'doctor takes no arguments; --help names its options' '
	test_expect_code 2 syncro doctor extra 2>err &&
	syncro doctor --help >out &&
	grep -e --verbose out && grep -e --help out
'

test_done
