/*
 * Windows (MinGW-w64): the POSIX calls syncro uses, on top of the C
 * runtime and the Win32 API, in the manner of git's compat/mingw.h.
 * Included by compat.h before banned.h; nothing here is Syncro's.
 *
 * Strings are UTF-8 everywhere: main() receives UTF-8 arguments (see the
 * main macro below), and the programs carry a manifest that makes UTF-8
 * the active code page, so the C runtime's file and environment calls
 * take UTF-8 too.
 */
#ifndef SYNCRO_COMPAT_WIN32_H
#define SYNCRO_COMPAT_WIN32_H

#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>
/* 16-bit leftovers of windef.h that take ordinary names */
#undef near
#undef far
#include <direct.h>
#include <fcntl.h>
#include <io.h>
#include <process.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/utime.h>
#include <time.h>

#ifndef O_CLOEXEC
#define O_CLOEXEC O_NOINHERIT
#endif
#ifndef S_IRGRP
#define S_IRGRP 0
#define S_IWGRP 0
#define S_IXGRP 0
#define S_IROTH 0
#define S_IWOTH 0
#define S_IXOTH 0
#endif
#ifndef X_OK
#define X_OK 1
#endif

/* ---- files ---- */

/* mkdir ignores the mode; an existing directory is EEXIST ("C:" too). */
int compat_mkdir(const char *path);
#define mkdir(path, mode) compat_mkdir(path)

/* Replaces an existing target, retrying while another process holds it. */
int compat_rename(const char *from, const char *to);
#define rename compat_rename

/* X_OK means "exists": Windows has no execute bit. */
int compat_access(const char *path, int mode);
#define access compat_access

#define fchmod(fd, mode) ((void)(fd), 0)
/* Only futimens(fd, NULL): the file's times become now. */
#define futimens(fd, times) ((void)(times), _futime((fd), NULL))
#define fsync _commit

#define LOCK_SH 1
#define LOCK_EX 2
#define LOCK_NB 4
#define LOCK_UN 8
/* Whole-file locks through LockFileEx, released when the fd is closed. */
int flock(int fd, int op);

ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset);
ssize_t pread(int fd, void *buf, size_t count, off_t offset);
int mkstemps(char *template, int suffixlen);
#define mkstemp(t) mkstemps((t), 0)
char *mkdtemp(char *template);
char *compat_realpath(const char *path, char *resolved);
#define realpath compat_realpath

/* ---- strings, memory, time ---- */

char *strchrnul(const char *s, int c);
char *strcasestr(const char *haystack, const char *needle);
ssize_t getline(char **line, size_t *cap, FILE *fp);
void explicit_bzero(void *p, size_t n);
#define timegm _mkgmtime
/* UTC for any time_t: the C runtime's gmtime_s refuses times before 1970. */
struct tm *compat_gmtime_r(const time_t *t, struct tm *tm);
/*
 * Local time: TZ may name a zone of the tz database ("America/Denver", as
 * the account's settings do) or hold a POSIX rule; the C runtime reads
 * neither right, so they go through base/tz-rule.c, %Z included. Without
 * TZ, or with one that is neither, the C runtime's (Windows' own zone).
 */
void compat_tzset(void);
struct tm *compat_localtime_r(const time_t *t, struct tm *tm);
time_t compat_mktime(struct tm *tm);
size_t compat_strftime(char *buf, size_t n, const char *fmt, const struct tm *tm);
#define gmtime_r compat_gmtime_r
#define localtime_r compat_localtime_r
#define tzset compat_tzset
#define mktime compat_mktime
#define strftime compat_strftime
int setenv(const char *name, const char *value, int overwrite);
int unsetenv(const char *name);

/* ---- processes ---- */

/*
 * Start program (NULL: argv[0]) with argv: a path, or a name looked up on
 * PATH with PATHEXT; a script that starts with "#!" runs through the shell
 * of compat_sh().
 * fd_in, fd_out, fd_err become the child's standard handles (-1: ours).
 * detached: no console and a process group of its own. Returns the
 * process handle, or NULL with errno set (ENOENT: no such program).
 */
HANDLE compat_spawn(const char *program, const char *const *argv, int fd_in, int fd_out, int fd_err, int detached);

/* Wait for a process from compat_spawn, close it, return its exit code (-1: failed). */
int compat_wait(HANDLE proc);

/*
 * The sh.exe that runs "#!" scripts, editors and pagers: $SYNCRO_SH, else
 * sh.exe on PATH, else the one of the git.exe on PATH (Git for Windows),
 * else "%ProgramFiles%\Git\bin\sh.exe"; NULL when none is there. Static.
 */
const char *compat_sh(void);

/* Open url with the user's browser (ShellExecute, as `start` does). 0, or -1 with errno. */
int compat_open_url(const char *url);


/* ---- consoles ---- */

/*
 * A console, or mintty's pipe (Git Bash): NUL and files are not
 * terminals, though the C runtime says NUL is.
 */
int compat_isatty(int fd);
#define isatty compat_isatty

/* The console window's width, 0 when fd is no console. */
int compat_console_columns(int fd);

/* The console's output code page (65001 is UTF-8); 0 when there is none. */
unsigned compat_console_codepage(void);

/*
 * What every program does first: UTF-8 arguments from the wide command
 * line, binary mode for stdio and new files, VT colour on a console.
 */
void compat_startup(int *argc, char ***argv);

/* main() goes through compat_startup(), as git's mingw main does. */
#define main(c, v) dummy_decl_compat_main(void); \
static int compat_main(c, v); \
int main(int argc, char **argv) \
{ \
	compat_startup(&argc, &argv); \
	return compat_main(argc, argv); \
} \
static int compat_main(c, v)

#endif
