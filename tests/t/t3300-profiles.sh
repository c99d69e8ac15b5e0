#!/bin/sh
test_description='one key per tech: profiles, --as, SYNCRO_PROFILE, default_profile, doctor and config'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox --user-key howard-key-7e1=74572

mkdir -p "$XDG_CONFIG_HOME/syncro"
cat >"$XDG_CONFIG_HOME/syncro/config.yaml" <<EOF
profiles:
  howard:
    api_key_command: echo howard-key-7e1
  mike:
    api_key_command: echo $TEST_API_KEY
EOF

# whoami [ARGS...]: the user GET /me answers for the key syncro sends
whoami () {
	syncro "$@" | jq -r '.user_name + " " + (.user_id | tostring)'
}

test_expect_success 'without a profile: SYNCRO_API_KEY, the account key' '
	whoami api /me >actual &&
	echo "Mike Ritter 74571" >expect &&
	test_cmp expect actual
'

test_expect_success '--as after the verb sends that profile'"'"'s key, over SYNCRO_API_KEY' '
	whoami api /me --as howard >actual &&
	echo "Sam Ortega 74572" >expect &&
	test_cmp expect actual
'

test_expect_success '--as before the verb, and --as=NAME, do the same' '
	whoami --as howard api /me >actual &&
	whoami --as=howard api /me >>actual &&
	printf "Sam Ortega 74572\nSam Ortega 74572\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'SYNCRO_PROFILE chooses a profile; --as wins over it' '
	SYNCRO_PROFILE=howard whoami api /me >actual &&
	SYNCRO_PROFILE=howard whoami api /me --as mike >>actual &&
	printf "Sam Ortega 74572\nMike Ritter 74571\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'default_profile when nothing else chooses; SYNCRO_API_KEY still wins over it' '
	cp "$XDG_CONFIG_HOME/syncro/config.yaml" saved.yaml &&
	echo "default_profile: howard" >>"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	whoami api /me >actual &&
	(unset SYNCRO_API_KEY && whoami api /me) >>actual &&
	cp saved.yaml "$XDG_CONFIG_HOME/syncro/config.yaml" &&
	printf "Mike Ritter 74571\nSam Ortega 74572\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'a write with --as is the tech'"'"'s: an appointment booked with his key is his' '
	syncro appt create 32164 --at "2026-12-04 09:30" --as howard >out &&
	id=$(sed -n "s/^booked appointment \([0-9]*\) .*/\1/p" out) &&
	sandbox_get "appointments/$id" | jq -c .user_ids >actual &&
	echo "[74572]" >expect &&
	test_cmp expect actual &&
	syncro appt create 32164 --at "2026-12-04 11:30" >out &&
	id=$(sed -n "s/^booked appointment \([0-9]*\) .*/\1/p" out) &&
	sandbox_get "appointments/$id" | jq -c .user_ids >actual &&
	echo "[74571]" >expect &&
	test_cmp expect actual
'

test_expect_success 'bill --as howard: the comment, the line and the invoice are his, not the owner'"'"'s' '
	syncro bill 32163 --minutes 30 --labor remote -m "Swapped the dock" --as howard --yes >out &&
	sandbox_get tickets/108430301 >ticket.json &&
	jq -c "[.ticket.line_items[] | select(.description == \"Swapped the dock\") | .user_id]" ticket.json >actual &&
	echo "[74572]" >expect &&
	test_cmp expect actual &&
	jq -c "[.ticket.comments[] | select(.body == \"Swapped the dock\") | .user_id, .tech]" ticket.json >actual &&
	echo "[74572,\"Sam Ortega\"]" >expect &&
	test_cmp expect actual &&
	id=$(sandbox_get "invoices?ticket_id=108430301" | jq -r ".invoices[].number") &&
	sandbox_get "invoices/$id" | jq -c "[.invoice.number, .invoice.user_id]" >actual &&
	echo "[\"1049\",74572]" >expect &&
	test_cmp expect actual
'

test_expect_success 'a line item without --as is the owner'"'"'s' '
	syncro time add 32164 20 --notes "Called the ISP" >/dev/null &&
	sandbox_get tickets/108430330 |
	jq -c "[.ticket.line_items[] | select(.description == \"Called the ISP\") | .user_id]" >actual &&
	echo "[74571]" >expect &&
	test_cmp expect actual
'

test_expect_success 'every verb takes --as (drafts too: its send writes)' '
	for verb in "$abs_top_builddir"/syncro-*; do
		test -x "$verb" || continue
		"$verb" --as howard --help >/dev/null 2>err ||
		{ echo "$verb: --as refused"; cat err; return 1; }
	done &&
	syncro drafts --as howard 2>err &&
	test_grep_not "unknown option" err &&
	mkdir -p "$XDG_STATE_HOME/syncro/drafts" &&
	echo "Kept for later" >"$XDG_STATE_HOME/syncro/drafts/32164-20260528-202639.txt" &&
	sandbox_clear_requests &&
	test_expect_code 3 syncro drafts send 1 --as nobody 2>err &&
	grep "^syncro: no profile '"'nobody'"'" err &&
	sandbox_requests >requests &&
	test ! -s requests &&
	rm -r "$XDG_STATE_HOME/syncro/drafts"
'

test_expect_success 'an unknown profile is a config error naming the profiles, nothing sent' '
	sandbox_clear_requests &&
	test_expect_code 3 syncro api /me --as nobody >out 2>err &&
	test ! -s out &&
	echo "syncro: no profile '"'nobody'"' in '"'$XDG_CONFIG_HOME/syncro/config.yaml'"'; its profiles are: howard, mike" >expect &&
	test_cmp expect err &&
	sandbox_requests >requests &&
	test ! -s requests
'

test_expect_success '--as without a name is a usage error' '
	test_expect_code 2 syncro --as 2>err &&
	head -n 1 err >actual &&
	echo "syncro: option '"'--as'"' needs a profile name" >expect &&
	test_cmp expect actual
'

test_expect_success 'config before doctor: each profile'"'"'s key source, whose key not known' '
	syncro config >out &&
	grep "^profile" out >actual &&
	cat >expect <<-EOF &&
	profiles.howard           api_key_command '"'echo howard-key-7e1'"', whose key is not known yet (run '"'syncro doctor'"')  (file)
	profiles.mike             api_key_command '"'echo $TEST_API_KEY'"', whose key is not known yet (run '"'syncro doctor'"')  (file)
	EOF
	test_cmp expect actual
'

test_expect_success 'doctor asks GET /me with each profile'"'"'s key and says whose it is' '
	sandbox_clear_requests &&
	syncro doctor --as howard >out &&
	grep -e "^API key:" -e "^user:" -e "^profile " out >actual &&
	cat >expect <<-\EOF &&
	API key:      profile howard: api_key_command '"'echo howard-key-7e1'"'
	user:         Sam Ortega (id 74572)
	profile howard: Sam Ortega (id 74572)
	profile mike: Mike Ritter (id 74571)
	EOF
	test_cmp expect actual &&
	printf "GET /api/v1/me\nGET /api/v1/me\nGET /api/v1/me\n" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'config after doctor: whose key each profile is, from the cache' '
	sandbox_clear_requests &&
	syncro config --as howard >out &&
	grep "^profile" out >actual &&
	cat >expect <<-EOF &&
	profile                   howard  (env SYNCRO_PROFILE)
	profiles.howard           api_key_command '"'echo howard-key-7e1'"', the key of Sam Ortega (user 74572)  (file)
	profiles.mike             api_key_command '"'echo $TEST_API_KEY'"', the key of Mike Ritter (user 74571)  (file)
	EOF
	test_cmp expect actual &&
	syncro config --json | jq -c ".\"profiles.howard\".value" >actual &&
	echo "{\"key_from\":\"api_key_command '"'echo howard-key-7e1'"'\",\"user\":\"Sam Ortega (user 74572)\"}" >expect &&
	test_cmp expect actual &&
	sandbox_requests >requests &&
	test ! -s requests
'

test_expect_success 'a profile whose key is refused: doctor says which and exits 3' '
	cat >>"$XDG_CONFIG_HOME/syncro/config.yaml" <<-\EOF &&
	  bad:
	    api_key_command: echo wrong-key
	EOF
	test_expect_code 3 syncro doctor >out 2>err &&
	grep "^profile bad:" out >actual &&
	echo "profile bad:  GET /me failed: the Syncro API refused '"'GET /me'"' (401): Not authorized" >expect &&
	test_cmp expect actual &&
	grep "^syncro: a profile" err
'

test_expect_success 'completion offers the profile names with their user, without the network' '
	sandbox_clear_requests &&
	syncro __complete api --as "" >actual &&
	printf "howard\tSam Ortega\nmike\tMike Ritter\nbad\n:4\n" >expect &&
	test_cmp expect actual &&
	syncro __complete api --a >actual &&
	grep "^--as	" actual &&
	sandbox_requests >requests &&
	test ! -s requests
'

test_expect_success 'a profile that is not a mapping is a config error with its place' '
	printf "profiles:\n  x: 3\n" >bad.yaml &&
	SYNCRO_CONFIG=bad.yaml test_expect_code 3 syncro config 2>err &&
	echo "syncro: bad.yaml:2:6: expected a mapping with api_key_command, vault or api_key for '"'profiles.x'"'" >expect &&
	test_cmp expect err
'

test_expect_success 'two profiles of one account draw from one rate-limit bucket, the account'"'"'s' '
	cp "$XDG_CONFIG_HOME/syncro/config.yaml" saved.yaml &&
	printf "rate_limit:\n  per_minute: 30\n" >>"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	rm -f "$XDG_STATE_HOME"/syncro/ratelimit-* &&
	syncro api /me --as howard >/dev/null &&
	read first stamp paused <"$XDG_STATE_HOME/syncro/ratelimit-$(basename "$(cache_dir)")" &&
	syncro api /me --as mike >/dev/null &&
	ls "$XDG_STATE_HOME"/syncro/ratelimit-* >files &&
	echo "$XDG_STATE_HOME/syncro/ratelimit-$(basename "$(cache_dir)")" >expect &&
	test_cmp expect files &&
	read second stamp paused <"$XDG_STATE_HOME/syncro/ratelimit-$(basename "$(cache_dir)")" &&
	cp saved.yaml "$XDG_CONFIG_HOME/syncro/config.yaml" &&
	awk -v a="$first" -v b="$second" "BEGIN { exit !(a <= 4.1 && b < a) }"
'

test_expect_success 'list --mine is the tickets of the key'"'"'s user: --as howard gives his' '
	syncro list --all --mine --json=user_id --as howard >howard.json &&
	jq -r ".[].user_id" howard.json | sort -u >actual &&
	echo 74572 >expect &&
	test_cmp expect actual &&
	syncro list --all --mine --json=user_id >mike.json &&
	jq -r ".[].user_id" mike.json | sort -u >actual &&
	echo 74571 >expect &&
	test_cmp expect actual
'

test_done
