# Drive the real bash completion function, as bash does on TAB.
#
#   bash completion-lib.bash LINE [WORD...]
#
# completes LINE with the cursor at its end (or at offset $CURSOR). COMP_WORDS are the WORDs when
# given, else LINE split as readline splits it: at blanks, with '=' and ':'
# words of their own. Prints COMPREPLY, one entry a line; the options the
# function set with compopt go to compopt.log. Fails if the function
# printed anything itself. COMP_TYPE (default 9, a plain TAB) and
# WITH_BASH_COMPLETION=1 (load the bash-completion package first) come
# from the environment.
if [[ ${WITH_BASH_COMPLETION-} ]]; then
	. /usr/share/bash-completion/bash_completion || exit 1
fi
. "$abs_top_srcdir/completions/syncro.bash" || exit 1

compopt () { echo "compopt $*" >>compopt.log; }

COMP_LINE=$1
COMP_POINT=${CURSOR:-${#1}}
COMP_TYPE=${COMP_TYPE:-9}
shift
if (($#)); then
	COMP_WORDS=("$@")
else
	COMP_WORDS=()
	for w in $COMP_LINE; do
		while [[ $w =~ ^([^=:]*)([=:]+)(.*)$ ]]; do
			[[ ${BASH_REMATCH[1]} ]] && COMP_WORDS+=("${BASH_REMATCH[1]}")
			COMP_WORDS+=("${BASH_REMATCH[2]}")
			w=${BASH_REMATCH[3]}
		done
		[[ $w ]] && COMP_WORDS+=("$w")
	done
	[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=("")
fi
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))

_syncro syncro "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}" >printed 2>&1
if [[ -s printed ]]; then
	echo "the completion function printed:" >&2
	cat printed >&2
	exit 1
fi
((${#COMPREPLY[@]})) && printf '%s\n' "${COMPREPLY[@]}"
exit 0
