# The benchmarks (bench/run; README.md, Performance): shipped, never built.
EXTRA_DIST += bench/run
EXTRA_DIST += bench/gen-data
EXTRA_DIST += bench/complete-timer
EXTRA_DIST += bench/baseline/ticket.sh
EXTRA_DIST += bench/baseline/list.sh
EXTRA_DIST += bench/baseline/comment.sh
EXTRA_DIST += bench/wan bench/wan-delay.c
EXTRA_DIST += bench/baseline/close.sh
EXTRA_DIST += bench/baseline/bill.sh
EXTRA_DIST += bench/baseline/list-all.sh
