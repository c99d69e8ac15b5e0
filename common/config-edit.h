/*
 * Changing config.yaml from the command line ('syncro config set', 'config
 * init'): one key at a time, in place, so the file's other lines, its
 * comments and its order stay as the user wrote them.
 */
#ifndef SYNCRO_CONFIG_EDIT_H
#define SYNCRO_CONFIG_EDIT_H

#include "sbuf.h"

/*
 * Set key (dotted: "subdomain", "labor.default_minutes",
 * "labor.products.onsite") to value in the config file at path (created,
 * mode 0600, when missing): the key's line is replaced, or the key is added
 * at the end of its section, the sections it needs made. The new file is
 * checked as syncro reads it before it replaces the old one (a bad value
 * dies, exit 3, "config.yaml.new:LINE:COL: ..." and the old file stays).
 * Returns 0, or -1 with the reason in err: an unknown key (with "did you
 * mean"), a section written on one line ("vault: {file: ...}"), a value
 * with control characters, a file that cannot be read or written.
 */
int config_file_set(const char *path, const char *key, const char *value, struct sbuf *err);

#endif
