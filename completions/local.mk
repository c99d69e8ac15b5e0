# Shell completion scripts, thin layers over `syncro __complete`.
# bash-completion loads completions/NAME on demand, so the file is installed as "syncro".
bashcompletiondir = $(BASH_COMPLETION_DIR)
bashcompletion_DATA = completions/syncro
completions/syncro: completions/syncro.bash
	$(AM_V_GEN)$(MKDIR_P) completions && cp $(srcdir)/completions/syncro.bash $@
CLEANFILES += completions/syncro
EXTRA_DIST += completions/syncro.bash
zshcompletiondir = $(ZSH_COMPLETION_DIR)
dist_zshcompletion_DATA = completions/_syncro
fishcompletiondir = $(datadir)/fish/vendor_completions.d
dist_fishcompletion_DATA = completions/syncro.fish
# The completion benchmark (not a test): bench/complete [BUILD_DIR].
EXTRA_DIST += bench/complete
