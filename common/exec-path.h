/* Where verbs live: the exec path for core verbs, PATH for third-party ones. */
#ifndef SYNCRO_EXEC_PATH_H
#define SYNCRO_EXEC_PATH_H

#include "sbuf.h"

/*
 * $SYNCRO_EXEC_PATH, else the compiled-in pkglibexecdir, else (not installed)
 * the dispatcher's own directory. Not to be freed.
 */
const char *exec_path(void);

/*
 * The executable for verb NAME: core verbs only from the exec path, others
 * from the exec path then PATH. Returns a path the caller frees, or NULL.
 * *from_path is set when it was found on PATH.
 */
char *exec_path_find_verb(const char *name, int *from_path);

/* Every third-party verb on PATH (names without "syncro-"), sorted, unique. */
void exec_path_list_verbs(struct strvec *out);

/* Is name a well-formed verb name: [a-z0-9][a-z0-9-]* */
int exec_path_valid_verb(const char *name);

#endif
