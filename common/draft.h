/*
 * Nothing the user typed is lost: a comment body is saved as a draft
 * before it is sent and deleted only once the API has it. On a failure the
 * verb calls draft_hint(), which says where the draft is and the command
 * that sends it again.
 *
 *   char *draft = draft_save(32164, body);
 *   if (post_comment(...) < 0) { draft_hint(draft, "syncro comment 32164"); exit(...); }
 *   draft_delete(draft);
 *   free(draft);
 */
#ifndef SYNCRO_DRAFT_H
#define SYNCRO_DRAFT_H

/*
 * Save body (with a final newline) as
 * $XDG_STATE_HOME/syncro/drafts/NUMBER-YYYYMMDD-HHMMSS.txt, local time of
 * date_now(), mode 0600 in a 0700 directory; "-2", "-3"... is added rather
 * than overwrite a draft of the same second. number 0 is a ticket not
 * made yet: new-YYYYMMDD-HHMMSS.txt. Returns the path (the caller
 * frees it), or NULL after printing an error. Until draft_delete(), an
 * interrupt (Ctrl-C) says where the draft is (interrupt.h).
 */
char *draft_save(long number, const char *body);

/* Remove a draft that the API now holds; 0, or -1 after printing a warning. */
int draft_delete(const char *path);

/*
 * On stderr:
 *   hint: your text is saved in '/home/u/.local/state/syncro/drafts/32164-20261128-140501.txt'
 *   hint: send it again with: syncro comment 32164 -F /home/u/.../32164-20261128-140501.txt
 * command is the command line up to -F, its words already quoted (quote.h).
 */
void draft_hint(const char *path, const char *command);

/*
 * The same with another lead than "send it again with", e.g. for a ticket
 * that does not exist:
 *   hint: send it to the right ticket: syncro comment NUMBER -F /home/u/...txt
 */
void draft_hint_to(const char *path, const char *lead, const char *command);

#endif
