#!/bin/sh
test_description='zsh keeps open tickets first whatever the user'"'"'s completion styles'
. "$(dirname "$0")/../test-lib.sh"

command -v zsh >/dev/null || { echo "1..0 # SKIP no zsh"; exit 0; }

complete () {
	zsh -f "$TEST_DIRECTORY/completion-lib.zsh" "$@" >actual
}

SYNCRO_BASE_URL=https://acme.syncromsp.com/api/v1
export SYNCRO_BASE_URL

test_expect_success 'setup: three cached tickets, one resolved' '
	mkdir -p "$(cache_dir)" &&
	tab=$(printf "\t") &&
	cat >"$(cache_dir)/tickets.tsv" <<-EOF &&
	32164${tab}108430330${tab}New${tab}1${tab}Jerry Burger${tab}Own cloud thing again${tab}2026-04-21T00:31:00.000Z
	32163${tab}108430301${tab}Resolved${tab}2${tab}LeeAnn Parkinson${tab}Remote email${tab}2026-04-19T09:09:00.000Z
	32161${tab}108429977${tab}In Progress${tab}3${tab}Desert Sun Dental${tab}Printer offline${tab}2026-04-18T10:00:00.000Z
	EOF
	cat >expect <<-\EOF
	buffer: syncro close 3216
	32164  -- New · Jerry Burger · Own cloud thing again
	32161  -- In Progress · Desert Sun Dental · Printer offline
	32163  -- Resolved · LeeAnn Parkinson · Remote email
	EOF
'

for style in \
	"zstyle ':completion:*' verbose no" \
	"zstyle ':completion:*' sort true" \
	"zstyle ':completion:*' group-name ''"
do
	test_expect_success "open first with: $style" '
		ZSH_SETUP="'"$style"'" complete "syncro close 3216" list &&
		test_cmp expect actual
	'
done

test_expect_success 'a unique number is still completed whole' '
	ZSH_SETUP="zstyle '"':completion:*'"' verbose no" complete "syncro close 32164" &&
	echo "buffer: syncro close 32164 " >expect &&
	test_cmp expect actual
'

test_done
