#!/bin/sh
test_description='zsh completion: _syncro loaded by compinit in zsh -f'
. "$(dirname "$0")/../test-lib.sh"

. "$TEST_DIRECTORY/completion-setup.sh"
completion_setup zsh

# complete TEXT [list]: the edit line after TAB (and the listing) in "actual".
complete () {
	zsh -f "$TEST_DIRECTORY/completion-lib.zsh" "$@" >actual
}

test_expect_success 'a unique verb is completed' '
	complete "syncro cl" &&
	echo "buffer: syncro close " >expect &&
	test_cmp expect actual
'

test_expect_success 'several verbs are listed with their descriptions' '
	complete "syncro cu" &&
	echo "buffer: syncro customers " >expect &&
	test_cmp expect actual &&
	complete "syncro c" list &&
	cat >expect <<-\EOF &&
	buffer: syncro c
	close      -- resolve a ticket and write a session log
	comment    -- add a comment, optionally with labor time
	config     -- show the settings, set one, or set up an account
	create     -- open a new ticket
	customers  -- find customers, or show one with contacts
	EOF
	test_cmp expect actual
'

test_expect_success 'options and their values, after a space or =' '
	complete "syncro test-verb --met" &&
	echo "buffer: syncro test-verb --method " >expect &&
	test_cmp expect actual &&
	complete "syncro test-verb --method t" &&
	echo "buffer: syncro test-verb --method timer " >expect &&
	test_cmp expect actual &&
	complete "syncro test-verb --method=l" &&
	echo "buffer: syncro test-verb --method=line-item " >expect &&
	test_cmp expect actual
'

test_expect_success 'a third-party verb: its own words, quoted as needed' '
	write_script plugins/syncro-deploy <<-\EOF &&
	test "$1" = __complete || exit 0
	printf "Waiting on Customer\tfrom the plugin\n"
	printf "a:b\twith a colon\n:4\n"
	EOF
	complete "syncro deploy W" &&
	echo "buffer: syncro deploy Waiting\\ on\\ Customer " >expect &&
	test_cmp expect actual &&
	complete "syncro deploy a" &&
	echo "buffer: syncro deploy a:b " >expect &&
	test_cmp expect actual
'

test_expect_success 'a silent third-party verb gets file names' '
	write_script plugins/syncro-silent <<-\EOF &&
	echo "not the protocol"
	EOF
	mkdir -p files &&
	: >files/report-only.txt &&
	complete "syncro silent files/rep" &&
	echo "buffer: syncro silent files/report-only.txt " >expect &&
	test_cmp expect actual
'

test_expect_success 'the no-space directive' '
	write_script plugins/syncro-nospace <<-\EOF &&
	test "$1" = __complete || exit 0
	printf "path/\n:6\n"
	EOF
	complete "syncro nospace p" &&
	echo "buffer: syncro nospace path/" >expect &&
	test_cmp expect actual
'

test_expect_success 'the keep-order directive keeps the verb'"'"'s order' '
	write_script plugins/syncro-order <<-\EOF &&
	test "$1" = __complete || exit 0
	printf "b-second\tshown first\na-first\tshown second\n:%s\n" "$ORDER_DIRECTIVE"
	EOF
	ORDER_DIRECTIVE=36 complete "syncro order " list &&
	echo "buffer: syncro order " >expect &&
	cat >>expect <<-\EOF &&
	b-second  -- shown first
	a-first   -- shown second
	EOF
	test_cmp expect actual &&
	ORDER_DIRECTIVE=4 complete "syncro order " list &&
	echo "buffer: syncro order " >expect &&
	cat >>expect <<-\EOF &&
	a-first   -- shown second
	b-second  -- shown first
	EOF
	test_cmp expect actual
'

test_expect_success 'ticket numbers from the cache, open ones first' '
	SYNCRO_BASE_URL=https://acme.syncromsp.com/api/v1 &&
	export SYNCRO_BASE_URL &&
	mkdir -p "$(cache_dir)" &&
	tab=$(printf "\t") &&
	cat >"$(cache_dir)/tickets.tsv" <<-EOF &&
	32164${tab}108430330${tab}New${tab}1${tab}Jerry Burger${tab}Own cloud thing again${tab}2026-04-21T00:31:00.000Z
	32163${tab}108430301${tab}Resolved${tab}2${tab}LeeAnn Parkinson${tab}Remote email${tab}2026-04-19T09:09:00.000Z
	32161${tab}108429977${tab}In Progress${tab}3${tab}Desert Sun Dental${tab}Printer offline${tab}2026-04-18T10:00:00.000Z
	EOF
	complete "syncro test-verb 32164" &&
	echo "buffer: syncro test-verb 32164 " >expect &&
	test_cmp expect actual &&
	complete "syncro test-verb 3216" list &&
	echo "buffer: syncro test-verb 3216" >expect &&
	cat >>expect <<-\EOF &&
	32164  -- New · Jerry Burger · Own cloud thing again
	32161  -- In Progress · Desert Sun Dental · Printer offline
	32163  -- Resolved · LeeAnn Parkinson · Remote email
	EOF
	test_cmp expect actual
'

test_done
