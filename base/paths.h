/*
 * Where files go: the XDG base directories, the home directory, and
 * making the directories a file needs. Every result is the caller's to free.
 */
#ifndef SYNCRO_PATHS_H
#define SYNCRO_PATHS_H

/* The directory under each XDG base that is ours. */
#define PATHS_APP_DIR "syncro"

/* "~/..." for a path under $HOME, else the path; the caller frees it. */
char *path_for_display(const char *path);
/* "~" or "~/..." expanded with $HOME; the caller frees it. */
char *expand_home(const char *path);

/*
 * XDG base directories, ignoring empty or relative values as the spec
 * says. The caller frees the result: xdg_config_path("config.yaml") is
 * "$XDG_CONFIG_HOME/syncro/config.yaml" or "~/.config/syncro/config.yaml".
 * A NULL or empty file gives the directory itself ("$XDG_.../syncro").
 */
char *xdg_config_path(const char *file);
char *xdg_state_path(const char *file);		/* ~/.local/state/syncro/FILE */
char *xdg_cache_path(const char *file);		/* ~/.cache/syncro/FILE */
char *xdg_data_path(const char *file);		/* ~/.local/share/syncro/FILE */

/* mkdir -p (mode 0700) for the directory that will hold path; 0 or -1 with errno. */
int mkdir_for_file(const char *path);

#endif
