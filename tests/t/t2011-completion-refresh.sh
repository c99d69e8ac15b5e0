#!/bin/sh
test_description='syncro __refresh-cache, and completion that starts it in the background'
. "$(dirname "$0")/../test-lib.sh"

PATH="$abs_top_builddir/tests/helpers:$PATH"
COLUMNS=200
export COLUMNS
tab=$(printf '\t')

start_sandbox
cache=$(cache_dir)

# wait_for_refresh: until tickets.tsv mentions $1 and no refresh holds the lock.
wait_for_refresh () {
	tries=0
	until grep -q "$1" "$cache/tickets.tsv" 2>/dev/null &&
		flock -n "$cache/refresh.lock" true; do
		tries=$((tries + 1))
		test "$tries" -lt 1200 || return 1
		sleep 0.05
	done
}

# The requests of a refresh after the first, the time of since_updated_at masked.
check_refresh_requests () {
	sandbox_requests | sed "s/since_updated_at=[^&]*/since_updated_at=T/" >actual &&
	cat >expect <<-\EOF &&
	GET /api/v1/tickets/settings
	GET /api/v1/tickets?status=Not+Closed&page=1&per_page=100
	GET /api/v1/tickets?since_updated_at=T&page=1&per_page=100
	EOF
	test_cmp expect actual
}

test_expect_success '__refresh-cache fetches the settings and the open tickets' '
	syncro __refresh-cache &&
	sandbox_requests >actual &&
	cat >expect <<-\EOF &&
	GET /api/v1/tickets/settings
	GET /api/v1/tickets?status=Not+Closed&page=1&per_page=100
	EOF
	test_cmp expect actual &&
	syncro __complete test-verb 32164 >actual &&
	printf "32164\tNew · Jerry Burger · Own cloud thing again\n:36\n" >expect &&
	test_cmp expect actual &&
	syncro __complete test-verb --status "" >actual &&
	printf "%s\n" New "In Progress" Resolved Invoiced "Waiting for Parts" \
		"Waiting on Customer" Scheduled "Customer Reply" ":36" >expect &&
	test_cmp expect actual
'

test_expect_success 'the next refresh also asks what changed since the last one' '
	sandbox_clear_requests &&
	syncro __refresh-cache &&
	check_refresh_requests
'

test_expect_success 'a refresh while another holds the lock sends nothing' '
	sandbox_clear_requests &&
	flock "$cache/refresh.lock" syncro __refresh-cache &&
	sandbox_requests >actual &&
	test ! -s actual
'

test_expect_success 'bash completion on a stale cache: the old answer at once, one refresh' '
	sandbox_clear_requests &&
	cat >"$cache/tickets.tsv" <<-EOF &&
	32164${tab}108430330${tab}New${tab}34288070${tab}Jerry Burger${tab}Stale subject${tab}2026-04-21T00:31:00.000Z
	EOF
	touch -d "1 hour ago" "$cache/tickets.tsv" &&
	rm -f "$cache/refresh.lock" &&
	bash "$TEST_DIRECTORY/completion-lib.bash" "syncro test-verb 3216" >first &&
	bash "$TEST_DIRECTORY/completion-lib.bash" "syncro test-verb 3216" >/dev/null &&
	echo 32164 >expect &&
	test_cmp expect first &&
	wait_for_refresh "Own cloud thing again" &&
	check_refresh_requests &&
	syncro __complete test-verb 32164 >actual &&
	printf "32164\tNew · Jerry Burger · Own cloud thing again\n:36\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'each account has its own cache: the sandbox and a tenant keep apart' '
	syncro __refresh-cache &&
	acme=https://acme.syncromsp.com/api/v1 &&
	acme_cache=$(SYNCRO_BASE_URL=$acme cache_dir) &&
	test "$acme_cache" != "$cache" &&
	mkdir -p "$acme_cache" &&
	printf "32164\t999\tNew\t5\tAcme Rockets\tLaunch pad\t2026-01-01T00:00:00Z\n" \
		>"$acme_cache/tickets.tsv" &&
	cp "$acme_cache/tickets.tsv" acme.tsv &&
	sandbox_clear_requests &&
	syncro ticket 32164 >out &&
	sandbox_requests >actual &&
	echo "GET /api/v1/tickets/108430330" >expect &&
	test_cmp expect actual &&
	syncro __refresh-cache &&
	test_cmp acme.tsv "$acme_cache/tickets.tsv" &&
	SYNCRO_BASE_URL=$acme syncro __complete test-verb 3216 >actual &&
	printf "32164\tNew · Acme Rockets · Launch pad\n:36\n" >expect &&
	test_cmp expect actual &&
	syncro __complete test-verb 32164 >actual &&
	printf "32164\tNew · Jerry Burger · Own cloud thing again\n:36\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'a ticket cached beside a refresh (by create) outlives its pruning' '
	syncro __refresh-cache &&
	now=$(date -u +%Y-%m-%dT%H:%M:%SZ) &&
	printf "%s\n" "99999${tab}1${tab}New${tab}1${tab}Acme${tab}Created meanwhile${tab}$now" \
		"32200${tab}2${tab}New${tab}1${tab}Gone${tab}Deleted long ago${tab}2026-01-01T00:00:00Z" \
		>>"$cache/tickets.tsv" &&
	syncro __refresh-cache &&
	cut -f 1,6 "$cache/tickets.tsv" >numbers &&
	grep "^99999${tab}Created meanwhile$" numbers &&
	test_grep_not "^32200" numbers
'

test_expect_success 'the cache never holds the key' '
	test_grep_not "$TEST_API_KEY" "$cache"/*
'

test_expect_success 'verbs reuse the settings a refresh cached' '
	syncro __refresh-cache &&
	sandbox_clear_requests &&
	syncro update 32164 --status "waiting on customer" >out &&
	sandbox_requests >actual &&
	echo "PUT /api/v1/tickets/108430330" >expect &&
	test_cmp expect actual
'

test_done
