/*
 * Long text in the user's editor, as `git commit` does it: a template with
 * "#" comment lines giving context, $VISUAL or $EDITOR (default vi) run
 * through /bin/sh with the file name appended, and the text read back
 * without the comment lines. An empty result means the user aborted.
 */
#ifndef SYNCRO_EDITOR_H
#define SYNCRO_EDITOR_H

#include <cjson/cJSON.h>

#include "sbuf.h"

enum edit_status {
	EDIT_OK = 0,
	EDIT_EMPTY = 1,		/* nothing left after stripping: abort */
	EDIT_FAILED = -1,	/* the editor could not run or failed; error printed */
};

/* $VISUAL, else $EDITOR, else "vi" (empty values are unset); not to be freed. */
const char *editor_command(void);

/* Append text as comment lines: "# line", or "#" for an empty line. */
void editor_add_comment(struct sbuf *tpl, const char *text);

/* Drop lines that start with '#', then blank lines at both ends. */
void editor_strip(struct sbuf *sb);

/*
 * The template for a comment on ticket (an object as GET /tickets/{id}
 * returns it): an empty first line for the text, then as comments the
 * ticket's number, subject and customer, how to abort, and the last
 * comment (the one with the highest id) with its author, local date and
 * a mark when it is hidden.
 */
void editor_comment_template(struct sbuf *tpl, const cJSON *ticket);

/*
 * Write tpl to a new file (mode 0600) beside the drafts,
 * $XDG_STATE_HOME/syncro/drafts/edit-XXXXXX.txt, run the editor on it and
 * read it back stripped. EDIT_OK sets *text (the caller frees it). When
 * the editor fails, the file is kept and named in the error, so that
 * nothing typed is lost; otherwise it is removed.
 */
int edit_text(const char *tpl, char **text);

#endif
