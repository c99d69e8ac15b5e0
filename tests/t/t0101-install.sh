#!/bin/sh
test_description='make install: the completions follow the prefix'
. "$(dirname "$0")/../test-lib.sh"

# The build tree was configured without --with-bash-completion-dir: its
# default must be under the prefix, not the system's bash-completion dir.
test_expect_success 'bash, zsh and fish completions install under the prefix' '
	make -s -C "$abs_top_builddir" prefix="$HOME/.local" DESTDIR="$TRASH_DIRECTORY/root" \
		install-bashcompletionDATA install-dist_zshcompletionDATA \
		install-dist_fishcompletionDATA >out 2>&1 &&
	(cd root && find . -type f | sort) >actual &&
	cat >expect <<-EOF &&
	.$HOME/.local/share/bash-completion/completions/syncro
	.$HOME/.local/share/fish/vendor_completions.d/syncro.fish
	.$HOME/.local/share/zsh/site-functions/_syncro
	EOF
	test_cmp expect actual
'

test_expect_success 'configure --help names the choice' '
	"$abs_top_srcdir/configure" --help >help &&
	grep -e "--with-bash-completion-dir=DIR" help &&
	grep "DATADIR/bash-completion/completions" help
'

test_done
