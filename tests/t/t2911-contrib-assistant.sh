#!/bin/sh
test_description='contrib/assistant/syncro.md: every example command runs'
. "$(dirname "$0")/../test-lib.sh"

doc=$abs_top_srcdir/contrib/assistant/syncro.md

# The syncro lines of the fenced blocks whose info string is "sh example".
sed -n '/^```sh example$/,/^```$/{/^syncro /p;}' "$doc" >examples
# The syncro lines of every fenced block, to catch an example left unmarked.
sed -n '/^```/,/^```$/{/^syncro /p;}' "$doc" >all-blocks

test_expect_success 'every command in a fenced block is a marked example' '
	test_cmp all-blocks examples &&
	test $(wc -l <examples) -ge 10
'

start_sandbox

# run_example: run $example as a shell line; show its output if it fails.
run_example () {
	(eval "$example") </dev/null >out 2>err && return 0
	cat out err
	return 1
}

while read -r example; do
	test_expect_success "example: $example" 'run_example'
done <examples

test_expect_success 'the examples changed the demo data as they say' '
	sandbox_get "tickets?number=32163" | jq -r ".tickets[0].status" >actual &&
	echo "In Progress" >expect &&
	test_cmp expect actual &&
	sandbox_get "tickets?number=32164" | jq -r ".tickets[0].status" >actual &&
	test_grep_not "^New$" actual &&
	sandbox_get "tickets?number=32165" | jq -r ".tickets[0].subject" >actual &&
	echo "Laptop will not boot" >expect &&
	test_cmp expect actual
'

test_done
