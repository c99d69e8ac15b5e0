/*
 * The session log `syncro close` writes: a Markdown record of a ticket's
 * work, kept per client:
 *   <session_logs>/clients/<customer-slug>/session-logs/
 *       YYYY-MM-DD-<number>-<subject-slug>.md
 */
#ifndef SYNCRO_SESSION_LOG_H
#define SYNCRO_SESSION_LOG_H

#include <time.h>
#include <cjson/cJSON.h>

#include "sbuf.h"

/* Slugs longer than this are cut at a word. */
#define SESSION_LOG_SLUG_MAX 60

/*
 * The log's path under dir for ticket (the detail shape of GET or PUT
 * /tickets/{id}) written on day (its local date). The caller frees it.
 */
char *session_log_path(const char *dir, const cJSON *ticket, time_t day);

/*
 * The log of ticket as Markdown, appended to out: number and subject,
 * customer, contact, tech, status, priority, problem type, dates (local
 * time), the web link, every comment oldest first (hidden and emailed ones
 * marked), the time entries (techs named from techs, the settings'
 * [{id, name}], which may be NULL; labor products by their config alias)
 * and line items, and the resolution: resolution if not NULL, else the
 * newest comment titled "Resolution".
 */
void session_log_render(struct sbuf *out, const cJSON *ticket, const char *resolution,
			const cJSON *techs);

/*
 * Create the file path with text, never replacing one: when path exists,
 * the same name with -2, -3... before ".md" is tried. Missing directories
 * are made (mode 0700). Returns the path written (the caller's), or NULL
 * after an error() message.
 */
char *session_log_write(const char *path, const char *text, size_t len);

#endif
