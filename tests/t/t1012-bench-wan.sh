#!/bin/sh
test_description='bench/wan: syncro over a delayed TLS link, against curl and the limit'
. "$(dirname "$0")/../test-lib.sh"

wan=$abs_top_srcdir/bench/wan

test_expect_success 'bad options are usage errors, exit 2' '
	test_expect_code 2 "$wan" --rtt fast 2>err &&
	grep "^bench/wan: .--rtt. must be 2 to 2000 ms, not .fast.\$" err &&
	test_expect_code 2 "$wan" --runs 0 2>err &&
	grep "^bench/wan: .--runs. must be 1 to 100, not .0.\$" err &&
	test_expect_code 2 "$wan" --server-ms "0 x" 2>err &&
	grep "^bench/wan: each .--server-ms. must be 0 to 10000, not .x.\$" err &&
	test_expect_code 2 "$wan" --no-gzip --runs 0 2>err &&
	grep "^bench/wan: .--runs. must be 1 to 100, not .0.\$" err &&
	test_expect_code 2 "$wan" --no-such-option 2>err &&
	grep "^usage: bench/wan " err
'

test_expect_success '--help says what it measures' '
	"$wan" --help >help &&
	grep "^bench/wan: syncro over a network with real round trips and TLS" help &&
	grep "requests x (RTT + server time) + 2 RTT" help
'

if test "$(id -u)" != 0 || test ! -c /dev/net/tun || ! ip netns list >/dev/null 2>&1 ||
	! command -v nginx >/dev/null 2>&1; then
	test_count=$((test_count + 1))
	echo "ok $test_count # skip bench/wan --quick needs root, /dev/net/tun, ip netns and nginx"
	test_done
	exit
fi

test_expect_success 'bench/wan --quick measures every verb over TLS, and curl the same work' '
	"$wan" --quick --build "$abs_top_builddir" --output table.md >out 2>err &&
	test_cmp table.md out &&
	grep "^bench/wan: 10 ms round trip (.*); TLS 1.3 (nginx, a throwaway CA, gzip on);\$" table.md &&
	grep "^| " table.md | sed 1d >rows &&
	cut -d"|" -f2 rows | sed "s/^ //; s/ \$//" >verbs &&
	cat >expect <<-\EOF &&
	ticket N, not cached
	ticket N, cached
	ticket N, cached, connection kept warm
	the summary (50 open)
	comment N -m x, not cached
	close N -m x, not cached
	bill N (30 min remote), cached
	search printer
	list --all (200 tickets)
	EOF
	test_cmp expect verbs &&
	awk -F"|" "{ print \$9 + 0, \$10 + 0 }" rows >curl &&
	printf "%s\n" "2 2" "2 2" "2 2" "1 1" "2 2" "3 3" "6 6" "1 1" "2 2" >expect &&
	test_cmp expect curl
'

test_expect_success 'each syncro row: requests at least the minimum, a TLS handshake per connection, the limit' '
	awk -F"|" "{
		split(\$3, r, \" \"); min = r[2]; sub(/^\\(/, \"\", min); sub(/:.*/, \"\", min); min += 0
		split(\$5, tls, \"+\")
		limit = min * 10 + (\$2 ~ /kept warm/ ? 0 : 20)
		if (r[1] + 0 < min || \$4 < 1 || tls[1] + tls[2] != \$4 || \$7 != limit || \$6 <= 0)
			{ print \"bad row:\", \$0; bad = 1 }
	} END { exit bad }" rows
'

test_done
