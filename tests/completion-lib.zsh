# Drive the real zsh completion in an interactive `zsh -f` on a pseudo-tty.
#
#   zsh -f completion-lib.zsh TEXT [list]
#
# types TEXT and a TAB into a fresh `zsh -f -i` that loaded _syncro with
# compinit, and prints "buffer: " and the edit line after the TAB. With
# "list", a second TAB follows and the lines of the listing it showed
# are printed too (trailing blanks removed). The whole screen is left in
# zsh-screen.out. ZSH_SETUP, when set, is run first (a user's zstyles).
setopt extendedglob
zmodload zsh/zpty || exit 1
zpty -b z "TERM=dumb COLUMNS=100 zsh -f -i" || exit 1
zpty -w z "PS1='%% '; fpath=(${(q)abs_top_srcdir}/completions \$fpath)"
zpty -w z 'autoload -U compinit; compinit -u -D'
# $ZSH_SETUP: a user's own settings (zstyles), run after compinit.
[[ -n $ZSH_SETUP ]] && zpty -w z "$ZSH_SETUP"
zpty -w z 'dump-buffer() { print -r -- "buffer: $BUFFER" >zsh-buffer.out; }'
zpty -w z 'zle -N dump-buffer; bindkey "^O" dump-buffer; print REA""DY'
zpty -r z out '*READY*' || exit 1
rm -f zsh-buffer.out
if [[ $2 == list ]]; then
	zpty -w -n z "$1"$'\t\C-o\t\C-u'
else
	zpty -w -n z "$1"$'\t\C-o\C-u'
fi
zpty -w z 'print DO""NE'
zpty -r z out '*DONE*' || exit 1
print -r -- "$out" >zsh-screen.out
zpty -d z
cat zsh-buffer.out || exit 1
[[ $2 == list ]] || exit 0
# The listing: the lines between the edit line and the next prompt.
for line in "${(@f)out//$'\r'/}"; do
	[[ $line == *$'\a'* ]] && { listing=1; continue; }
	[[ $line == '% '* || $line == DONE ]] && listing=
	[[ $listing ]] && print -r -- "${line%%[[:space:]]#}"
done
exit 0
