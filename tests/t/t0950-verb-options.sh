#!/bin/sh
test_description='verbs leave --no-X, --yes, --dry-run, --no-input and exclusions to parse-options: one wording'
. "$(dirname "$0")/../test-lib.sh"

check=$abs_top_srcdir/tools/check-options

test_expect_success 'no verb declares a no- option or checks an exclusion by hand' '
	"$check" "$abs_top_srcdir" >out &&
	test_cmp /dev/null out
'

test_expect_success 'each hand-made pattern is found, file and line named' '
	mkdir -p tree/commands &&
	cat >tree/commands/verb.c <<-\EOF &&
	static const struct option_spec options[] = {
		OPT_BOOL(0, "no-log", &no_log, "no log"),
		OPT_BOOL(0, "no-input", &no_input, "never ask"),
		OPT_BOOL(0, "log", &log_it, "a log"),
		OPT_BOOL('"'"'y'"'"', "yes", &yes, "yes"),
		OPT_NO_INPUT(&no_input, "never ask"),
		OPT_END(),
	};
	int main(void)
	{
		if (opt_a && opt_b)
			usage_error(&verb, "pick one");
		if (opt_a && !opt_b)
			usage_error(&verb, "--a needs --b");
		usage_error(&verb, "give -m or -F, not both");
	}
	EOF
	test_expect_code 1 "$check" tree >actual &&
	cat >expect <<-\EOF &&
	commands/verb.c:2: declares --no-log by hand; OPT_BOOL gives it
	commands/verb.c:3: declares --no-input with OPT_BOOL; use its OPT_ macro
	commands/verb.c:5: declares --yes with OPT_BOOL; use its OPT_ macro
	commands/verb.c:11: checks an exclusion by hand; use OPT_EXCLUSIVE
	commands/verb.c:15: checks an exclusion by hand; use OPT_EXCLUSIVE
	EOF
	test_cmp expect actual
'

# usage_error's three lines: the message, the usage, where to read more.
COMMENT_USAGE="syncro comment [options] N
   or: syncro comment --abandon N"

expect_usage () {
	printf "syncro: %s\nusage: %s\nrun 'syncro %s --help' for every option\n" "$@"
}

test_expect_success 'an exclusion has one wording in every verb (exit 2)' '
	test_expect_code 2 syncro comment 32164 --hidden --email -m a 2>actual &&
	expect_usage "'"'"'--hidden'"'"' and '"'"'--email'"'"' cannot go together" \
		"$COMMENT_USAGE" comment >expect &&
	test_cmp expect actual &&
	test_expect_code 2 syncro list --mine --assign me 2>err &&
	echo "syncro: '"'"'--mine'"'"' and '"'"'--assign'"'"' cannot go together" >expect &&
	head -n 1 err >actual &&
	test_cmp expect actual &&
	test_expect_code 2 syncro appointment list --today --week 2>err &&
	echo "syncro: '"'"'--today'"'"' and '"'"'--week'"'"' cannot go together" >expect &&
	head -n 1 err >actual &&
	test_cmp expect actual &&
	test_expect_code 2 syncro api tickets -f a=1 --input body.json -X POST 2>err &&
	echo "syncro: '"'"'--input'"'"' and '"'"'--field'"'"' cannot go together" >expect &&
	head -n 1 err >actual &&
	test_cmp expect actual &&
	test_expect_code 2 syncro config init --subdomain a --base-url http://127.0.0.1:1 2>err &&
	echo "syncro: '"'"'--subdomain'"'"' and '"'"'--base-url'"'"' cannot go together" >expect &&
	head -n 1 err >actual &&
	test_cmp expect actual
'

test_expect_success 'a --no-X after --X turns it off: no exclusion' '
	test_expect_code 2 syncro comment 32164 --hidden --email --no-email --hidden -m a -F b 2>err &&
	echo "syncro: '"'"'--message'"'"' and '"'"'--file'"'"' cannot go together" >expect &&
	head -n 1 err >actual &&
	test_cmp expect actual
'

test_expect_success '--no-X is a boolean: it takes no value, and a value option has none' '
	test_expect_code 2 syncro close 32164 --no-log=yes 2>actual &&
	expect_usage "option '"'"'--no-log'"'"' takes no value" "syncro close [options] N" close >expect &&
	test_cmp expect actual &&
	test_expect_code 2 syncro close 32164 --no-email=1 2>err &&
	echo "syncro: option '"'"'--no-email'"'"' takes no value" >expect &&
	head -n 1 err >actual &&
	test_cmp expect actual &&
	test_expect_code 2 syncro comment 32164 --no-message 2>actual &&
	expect_usage "unknown option '"'"'--no-message'"'"'" "$COMMENT_USAGE" comment >expect &&
	test_cmp expect actual
'

test_expect_success 'completion offers the --no-X of the migrated booleans' '
	syncro close __complete --no-l >actual &&
	printf "%s\n" --no-log :4 >expect &&
	test_cmp expect actual &&
	syncro config __complete init --no-c >actual &&
	printf "%s\n" --no-check :4 >expect &&
	test_cmp expect actual
'

test_done
