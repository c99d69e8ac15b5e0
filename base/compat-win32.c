/* Windows (MinGW-w64) replacements for the POSIX calls syncro uses. */
#include "compat.h"
#ifdef _WIN32
#include <sddl.h>
#include <aclapi.h>
#include <shellapi.h>
#include "sbuf.h"
#include "tz-rule.h"
#include "xmalloc.h"

/* ---- UTF-8 and UTF-16 ---- */

/* A new wide copy of s, or NULL (errno EINVAL) for bytes that are no UTF-8. */
static wchar_t *to_wide(const char *s)
{
	int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, NULL, 0);
	wchar_t *w;

	if (n <= 0) {
		errno = EINVAL;
		return NULL;
	}
	w = xcalloc((size_t)n, sizeof(*w));
	MultiByteToWideChar(CP_UTF8, 0, s, -1, w, n);
	return w;
}

/* A new UTF-8 copy of w. */
static char *from_wide(const wchar_t *w)
{
	int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
	char *s;

	if (n <= 0)
		return xstrdup("");
	s = xmalloc((size_t)n);
	WideCharToMultiByte(CP_UTF8, 0, w, -1, s, n, NULL, NULL);
	return s;
}

static void slashes(char *s)
{
	for (; *s; s++)
		if (*s == '\\')
			*s = '/';
}

/* errno for the last Win32 error */
static int errno_from_win32(DWORD err)
{
	switch (err) {
	case ERROR_FILE_NOT_FOUND:
	case ERROR_PATH_NOT_FOUND:
	case ERROR_INVALID_NAME:
		return ENOENT;
	case ERROR_ACCESS_DENIED:
	case ERROR_SHARING_VIOLATION:
	case ERROR_LOCK_VIOLATION:
		return EACCES;
	case ERROR_ALREADY_EXISTS:
	case ERROR_FILE_EXISTS:
		return EEXIST;
	case ERROR_NOT_ENOUGH_MEMORY:
	case ERROR_OUTOFMEMORY:
		return ENOMEM;
	case ERROR_BAD_EXE_FORMAT:
		return ENOEXEC;
	default:
		return EINVAL;
	}
}

/* ---- files ---- */

int compat_mkdir(const char *path)
{
	struct stat st;

	if (!_mkdir(path))
		return 0;
	/* "C:" and "//server" cannot be made, but are there */
	if (!stat(path, &st) || (strlen(path) == 2 && path[1] == ':')) {
		errno = EEXIST;
		return -1;
	}
	return -1;
}

int compat_rename(const char *from, const char *to)
{
	wchar_t *wfrom = to_wide(from), *wto = to_wide(to);
	int ret = -1;

	if (wfrom && wto) {
		/* a reader (a virus scanner too) may hold the target a moment */
		for (int tries = 0; tries < 10; tries++) {
			if (MoveFileExW(wfrom, wto, MOVEFILE_REPLACE_EXISTING)) {
				ret = 0;
				break;
			}
			errno = errno_from_win32(GetLastError());
			if (errno != EACCES)
				break;
			Sleep(10u << (tries < 5 ? tries : 5));
		}
	}
	free(wfrom);
	free(wto);
	return ret;
}

int compat_access(const char *path, int mode)
{
	return _access(path, mode & ~X_OK);
}

int flock(int fd, int op)
{
	HANDLE h = (HANDLE)_get_osfhandle(fd);
	OVERLAPPED ov = { 0 };
	DWORD flags = 0;

	if (h == INVALID_HANDLE_VALUE) {
		errno = EBADF;
		return -1;
	}
	if (op & LOCK_UN) {
		if (UnlockFileEx(h, 0, MAXDWORD, MAXDWORD, &ov))
			return 0;
		errno = errno_from_win32(GetLastError());
		return -1;
	}
	if (op & LOCK_EX)
		flags |= LOCKFILE_EXCLUSIVE_LOCK;
	if (op & LOCK_NB)
		flags |= LOCKFILE_FAIL_IMMEDIATELY;
	if (LockFileEx(h, flags, 0, MAXDWORD, MAXDWORD, &ov))
		return 0;
	errno = GetLastError() == ERROR_LOCK_VIOLATION ? EWOULDBLOCK : errno_from_win32(GetLastError());
	return -1;
}

/* fd's handle, with ov set to offset and count cut to what one call takes; NULL: EBADF. */
static HANDLE at_offset(int fd, off_t offset, size_t *count, OVERLAPPED *ov)
{
	HANDLE h = (HANDLE)_get_osfhandle(fd);

	if (h == INVALID_HANDLE_VALUE) {
		errno = EBADF;
		return NULL;
	}
	memset(ov, 0, sizeof(*ov));
	ov->Offset = (DWORD)((uint64_t)offset & 0xffffffffu);
	ov->OffsetHigh = (DWORD)((uint64_t)offset >> 32);
	if (*count > MAXDWORD)
		*count = MAXDWORD;
	return h;
}

ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset)
{
	OVERLAPPED ov;
	HANDLE h = at_offset(fd, offset, &count, &ov);
	DWORD done;

	if (!h)
		return -1;
	if (!WriteFile(h, buf, (DWORD)count, &done, &ov)) {
		errno = errno_from_win32(GetLastError());
		return -1;
	}
	return (ssize_t)done;
}

ssize_t pread(int fd, void *buf, size_t count, off_t offset)
{
	OVERLAPPED ov;
	HANDLE h = at_offset(fd, offset, &count, &ov);
	DWORD done;

	if (!h)
		return -1;
	if (!ReadFile(h, buf, (DWORD)count, &done, &ov)) {
		if (GetLastError() == ERROR_HANDLE_EOF)
			return 0;
		errno = errno_from_win32(GetLastError());
		return -1;
	}
	return (ssize_t)done;
}

int mkstemps(char *template, int suffixlen)
{
	static const char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	size_t len = strlen(template);
	char *x;

	if (suffixlen < 0 || len < (size_t)suffixlen + 6 ||
	    strncmp(template + len - suffixlen - 6, "XXXXXX", 6)) {
		errno = EINVAL;
		return -1;
	}
	x = template + len - suffixlen - 6;
	for (int tries = 0; tries < 100; tries++) {
		unsigned int r;
		int fd;

		for (int i = 0; i < 6; i++) {
			if (rand_s(&r)) {
				errno = EIO;
				return -1;
			}
			x[i] = letters[r % (sizeof(letters) - 1)];
		}
		fd = _open(template, _O_RDWR | _O_CREAT | _O_EXCL | _O_BINARY | _O_NOINHERIT,
			   _S_IREAD | _S_IWRITE);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}

char *mkdtemp(char *template)
{
	static const char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	size_t len = strlen(template);
	char *x = template + len - 6;

	if (len < 6 || strcmp(x, "XXXXXX")) {
		errno = EINVAL;
		return NULL;
	}
	for (int tries = 0; tries < 100; tries++) {
		unsigned int r;

		for (int i = 0; i < 6; i++) {
			if (rand_s(&r)) {
				errno = EIO;
				return NULL;
			}
			x[i] = letters[r % (sizeof(letters) - 1)];
		}
		if (!_mkdir(template))
			return template;
		if (errno != EEXIST)
			return NULL;
	}
	errno = EEXIST;
	return NULL;
}

char *compat_realpath(const char *path, char *resolved)
{
	char *full = _fullpath(resolved, path, resolved ? _MAX_PATH : 0);
	struct stat st;

	if (!full)
		return NULL;
	if (stat(full, &st)) {
		if (!resolved)
			free(full);
		return NULL;
	}
	slashes(full);
	return full;
}

/* ---- strings, memory, environment ---- */

char *strchrnul(const char *s, int c)
{
	while (*s && *s != (char)c)
		s++;
	return (char *)s;
}

char *strcasestr(const char *haystack, const char *needle)
{
	size_t len = strlen(needle);

	for (; *haystack; haystack++)
		if (!strncasecmp(haystack, needle, len))
			return (char *)haystack;
	return *needle ? NULL : (char *)haystack;
}

ssize_t getline(char **line, size_t *cap, FILE *fp)
{
	size_t len = 0;
	int c;

	if (!*line || !*cap) {
		*cap = 128;
		*line = xrealloc(*line, *cap);
	}
	while ((c = getc(fp)) != EOF) {
		if (len + 2 > *cap) {
			*cap *= 2;
			*line = xrealloc(*line, *cap);
		}
		(*line)[len++] = (char)c;
		if (c == '\n')
			break;
	}
	(*line)[len] = '\0';
	return len ? (ssize_t)len : -1;
}

struct tm *compat_gmtime_r(const time_t *t, struct tm *tm)
{
	/* days to a civil date, after Howard Hinnant's days_from_civil inverse */
	int64_t secs = (int64_t)*t, days = secs / 86400, rem = secs % 86400;
	int64_t era, doe, yoe, doy, mp, y;

	if (rem < 0) {
		rem += 86400;
		days--;
	}
	memset(tm, 0, sizeof(*tm));
	tm->tm_hour = (int)(rem / 3600);
	tm->tm_min = (int)(rem % 3600 / 60);
	tm->tm_sec = (int)(rem % 60);
	tm->tm_wday = (int)(((days % 7) + 11) % 7);	/* 1970-01-01 was a Thursday */
	days += 719468;
	era = (days >= 0 ? days : days - 146096) / 146097;
	doe = days - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	tm->tm_mday = (int)(doy - (153 * mp + 2) / 5 + 1);
	tm->tm_mon = (int)(mp < 10 ? mp + 2 : mp - 10);
	y += tm->tm_mon < 2;
	tm->tm_year = (int)(y - 1900);
	{
		static const int before[] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
		int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

		tm->tm_yday = before[tm->tm_mon] + tm->tm_mday - 1 + (leap && tm->tm_mon > 1);
	}
	return tm;
}

void explicit_bzero(void *p, size_t n)
{
	SecureZeroMemory(p, n);
}

int setenv(const char *name, const char *value, int overwrite)
{
	if (!overwrite && getenv(name))
		return 0;
	if (_putenv_s(name, value)) {
		errno = EINVAL;
		return -1;
	}
	return 0;
}

int unsetenv(const char *name)
{
	return _putenv_s(name, "") ? -1 : 0;
}

/* ---- processes ---- */

int compat_open_url(const char *url)
{
	wchar_t *wurl = to_wide(url);
	HINSTANCE ok;

	if (!wurl)
		return -1;
	ok = ShellExecuteW(NULL, L"open", wurl, NULL, NULL, SW_SHOWNORMAL);
	free(wurl);
	/* ShellExecute's own convention: more than 32 is success */
	if ((intptr_t)ok <= 32) {
		errno = ENOENT;
		return -1;
	}
	return 0;
}

const char *compat_self_path(void)
{
	static char *self;
	wchar_t buf[MAX_PATH * 4];
	DWORD n;

	if (self)
		return self;
	n = GetModuleFileNameW(NULL, buf, ARRAY_SIZE(buf));
	if (!n || n >= ARRAY_SIZE(buf))
		return NULL;
	self = from_wide(buf);
	slashes(self);
	return self;
}

static int is_file(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISREG(st.st_mode);
}

static int has_dir(const char *name)
{
	return strchr(name, '/') || strchr(name, '\\') || (name[0] && name[1] == ':');
}

/* name, or name with an extension of PATHEXT, in dir (NULL: as it is). */
static char *find_with_ext(const char *dir, const char *name)
{
	const char *exts = getenv("PATHEXT");
	char *base = dir ? xstrfmt("%s/%s", dir, name) : xstrdup(name);
	const char *p;

	if (!exts || !*exts)
		exts = ".COM;.EXE;.BAT;.CMD";
	for (p = exts; *p; ) {
		size_t len = strcspn(p, ";");
		char *full = xstrfmt("%s%.*s", base, (int)len, p);

		if (len && is_file(full)) {
			free(base);
			return full;
		}
		free(full);
		p += len;
		if (*p)
			p++;
	}
	if (is_file(base))
		return base;
	free(base);
	return NULL;
}

/* The program argv[0] names: a path, or on PATH (split at ';'). */
static char *find_program(const char *name)
{
	const char *path = getenv("PATH");

	if (has_dir(name))
		return find_with_ext(NULL, name);
	while (path && *path) {
		size_t len = strcspn(path, ";");

		if (len) {
			char *dir = xstrfmt("%.*s", (int)len, path);
			char *full = find_with_ext(dir, name);

			free(dir);
			if (full)
				return full;
		}
		path += len;
		if (*path)
			path++;
	}
	return NULL;
}

const char *compat_sh(void)
{
	static char *sh;
	static int looked;
	const char *env = getenv("SYNCRO_SH");
	char *git;

	if (env && *env)
		return env;
	if (looked)
		return sh;
	looked = 1;
	sh = find_program("sh.exe");
	if (!sh && (git = find_program("git.exe"))) {
		/* Git for Windows: cmd\git.exe beside bin\sh.exe and usr\bin\sh.exe */
		char *slash;

		slashes(git);
		slash = strrchr(git, '/');
		if (slash) {
			*slash = '\0';
			slash = strrchr(git, '/');
		}
		if (slash) {
			*slash = '\0';
			sh = xstrfmt("%s/bin/sh.exe", git);
			if (!is_file(sh)) {
				free(sh);
				sh = xstrfmt("%s/usr/bin/sh.exe", git);
			}
			if (!is_file(sh)) {
				free(sh);
				sh = NULL;
			}
		}
		free(git);
	}
	if (!sh && getenv("ProgramFiles")) {
		sh = xstrfmt("%s/Git/bin/sh.exe", getenv("ProgramFiles"));
		if (!is_file(sh)) {
			free(sh);
			sh = NULL;
		}
	}
	if (sh)
		slashes(sh);
	return sh;
}

/* Whether path is a script that starts with "#!". */
static int is_script(const char *path)
{
	const char *dot = strrchr(path, '.');
	char head[2];
	FILE *fp;
	int yes;

	if (dot && (!strcasecmp(dot, ".exe") || !strcasecmp(dot, ".com")))
		return 0;
	fp = fopen(path, "rb");
	if (!fp)
		return 0;
	yes = fread(head, 1, 2, fp) == 2 && head[0] == '#' && head[1] == '!';
	fclose(fp);
	return yes;
}

/* Append arg to cmd quoted as CommandLineToArgvW and the C runtimes read it. */
static void quote_arg(struct sbuf *cmd, const char *arg)
{
	if (cmd->len)
		sbuf_addch(cmd, ' ');
	if (*arg && !strpbrk(arg, " \t\n\v\"")) {
		sbuf_addstr(cmd, arg);
		return;
	}
	sbuf_addch(cmd, '"');
	for (const char *p = arg; ; p++) {
		size_t backslashes = 0;

		while (*p == '\\') {
			backslashes++;
			p++;
		}
		if (!*p) {
			/* before the closing quote, every backslash doubled */
			for (size_t i = 0; i < backslashes * 2; i++)
				sbuf_addch(cmd, '\\');
			break;
		}
		if (*p == '"')
			backslashes = backslashes * 2 + 1;
		for (size_t i = 0; i < backslashes; i++)
			sbuf_addch(cmd, '\\');
		sbuf_addch(cmd, *p);
	}
	sbuf_addch(cmd, '"');
}

/* An inheritable copy of fd's handle, or of the std handle which when fd is -1. */
static HANDLE child_handle(int fd, DWORD which)
{
	HANDLE h = fd >= 0 ? (HANDLE)_get_osfhandle(fd) : GetStdHandle(which);
	HANDLE dup = INVALID_HANDLE_VALUE;

	if (h == INVALID_HANDLE_VALUE || !h)
		return INVALID_HANDLE_VALUE;
	if (!DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), &dup, 0, TRUE,
			     DUPLICATE_SAME_ACCESS))
		return INVALID_HANDLE_VALUE;
	return dup;
}

HANDLE compat_spawn(const char *path, const char *const *argv, int fd_in, int fd_out, int fd_err,
		    int detached)
{
	struct sbuf cmd = SBUF_INIT;
	STARTUPINFOW si = { .cb = sizeof(si) };
	PROCESS_INFORMATION pi;
	char *program = find_program(path ? path : argv[0]);
	const char *sh = NULL;
	wchar_t *wcmd, *wprogram;
	DWORD flags = CREATE_UNICODE_ENVIRONMENT;
	BOOL ok;

	if (!program) {
		errno = ENOENT;
		return NULL;
	}
	if (is_script(program)) {
		sh = compat_sh();
		if (!sh) {
			free(program);
			errno = ENOEXEC;
			return NULL;
		}
		quote_arg(&cmd, sh);
		quote_arg(&cmd, program);
	} else {
		quote_arg(&cmd, argv[0]);
	}
	for (size_t i = 1; argv[i]; i++)
		quote_arg(&cmd, argv[i]);
	wcmd = to_wide(cmd.buf);
	wprogram = to_wide(sh ? sh : program);
	sbuf_release(&cmd);
	free(program);
	if (!wcmd || !wprogram) {
		free(wcmd);
		free(wprogram);
		return NULL;
	}
	si.dwFlags = STARTF_USESTDHANDLES;
	si.hStdInput = child_handle(fd_in, STD_INPUT_HANDLE);
	si.hStdOutput = child_handle(fd_out, STD_OUTPUT_HANDLE);
	si.hStdError = child_handle(fd_err, STD_ERROR_HANDLE);
	if (detached)
		flags |= DETACHED_PROCESS | CREATE_NEW_PROCESS_GROUP;
	fflush(NULL);
	ok = CreateProcessW(wprogram, wcmd, NULL, NULL, TRUE, flags, NULL, NULL, &si, &pi);
	if (!ok)
		errno = errno_from_win32(GetLastError());
	for (HANDLE *h = &si.hStdInput; h <= &si.hStdError; h++)
		if (*h != INVALID_HANDLE_VALUE)
			CloseHandle(*h);
	free(wcmd);
	free(wprogram);
	if (!ok)
		return NULL;
	CloseHandle(pi.hThread);
	return pi.hProcess;
}

int compat_wait(HANDLE proc)
{
	DWORD code = (DWORD)-1;

	if (WaitForSingleObject(proc, INFINITE) != WAIT_OBJECT_0 ||
	    !GetExitCodeProcess(proc, &code))
		code = (DWORD)-1;
	CloseHandle(proc);
	return (int)code;
}

/* ---- owners and ACLs ---- */

/* The current user's SID, and the token of an administrator's elevated half. Static. */
static PSID current_user(HANDLE *linked)
{
	static PSID sid;
	static HANDLE linked_token;
	static int looked;
	HANDLE token;
	DWORD len = 0;

	*linked = linked_token;
	if (looked)
		return sid;
	looked = 1;
	if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
		return NULL;
	if (!GetTokenInformation(token, TokenUser, NULL, 0, &len) &&
	    GetLastError() == ERROR_INSUFFICIENT_BUFFER) {
		TOKEN_USER *user = xmalloc(len);

		if (GetTokenInformation(token, TokenUser, user, len, &len)) {
			DWORD n = GetLengthSid(user->User.Sid);

			sid = xmalloc(n);
			if (!CopySid(n, sid, user->User.Sid)) {
				free(sid);
				sid = NULL;
			}
		}
		free(user);
	}
	{
		TOKEN_ELEVATION_TYPE type;
		DWORD size;

		/* an administrator running unelevated: the group counts as them */
		if (GetTokenInformation(token, TokenElevationType, &type, sizeof(type), &size) &&
		    type == TokenElevationTypeLimited &&
		    !GetTokenInformation(token, TokenLinkedToken, &linked_token,
					 sizeof(linked_token), &size))
			linked_token = NULL;
	}
	CloseHandle(token);
	*linked = linked_token;
	return sid;
}

/* Whether sid is us: our user, or Administrators when we are one of them. */
static int sid_is_me(PSID sid)
{
	HANDLE linked;
	PSID me = current_user(&linked);
	BOOL member;

	if (me && EqualSid(sid, me))
		return 1;
	return IsWellKnownSid(sid, WinBuiltinAdministratorsSid) &&
	       ((CheckTokenMembership(NULL, sid, &member) && member) ||
		(linked && CheckTokenMembership(linked, sid, &member) && member));
}

/* The owner and DACL of path; free *sd with LocalFree. 0, or -1 with errno. */
static int security_of(const char *path, PSID *owner, PACL *dacl, PSECURITY_DESCRIPTOR *sd)
{
	wchar_t *wpath = to_wide(path);
	DWORD err;

	if (!wpath)
		return -1;
	err = GetNamedSecurityInfoW(wpath, SE_FILE_OBJECT,
				    OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION,
				    owner, NULL, dacl, NULL, sd);
	free(wpath);
	if (err != ERROR_SUCCESS) {
		errno = errno_from_win32(err);
		return -1;
	}
	return 0;
}

int compat_owned_by_me(const char *path)
{
	PSECURITY_DESCRIPTOR sd = NULL;
	PSID owner = NULL;
	PACL dacl = NULL;
	int yes;

	if (security_of(path, &owner, &dacl, &sd) < 0)
		return -1;
	yes = owner && IsValidSid(owner) && sid_is_me(owner);
	LocalFree(sd);
	return yes;
}

int compat_others_may(const char *path, int write)
{
	const ACCESS_MASK reading = FILE_READ_DATA | GENERIC_READ | GENERIC_ALL;
	const ACCESS_MASK writing = FILE_WRITE_DATA | FILE_APPEND_DATA | GENERIC_WRITE |
		GENERIC_ALL | WRITE_DAC | WRITE_OWNER | DELETE;
	PSECURITY_DESCRIPTOR sd = NULL;
	PSID owner = NULL;
	PACL dacl = NULL;
	int others = 0;

	if (security_of(path, &owner, &dacl, &sd) < 0)
		return -1;
	if (!dacl) {
		others = 1;	/* no DACL: everyone may do anything */
	} else {
		for (DWORD i = 0; i < dacl->AceCount && !others; i++) {
			ACCESS_ALLOWED_ACE *ace;
			PSID sid;

			if (!GetAce(dacl, i, (void **)&ace) ||
			    ace->Header.AceType != ACCESS_ALLOWED_ACE_TYPE ||
			    (ace->Header.AceFlags & INHERIT_ONLY_ACE))
				continue;
			sid = (PSID)&ace->SidStart;
			if (!(ace->Mask & (write ? writing : reading)) ||
			    (owner && EqualSid(sid, owner)) || sid_is_me(sid) ||
			    IsWellKnownSid(sid, WinLocalSystemSid) ||
			    IsWellKnownSid(sid, WinBuiltinAdministratorsSid) ||
			    IsWellKnownSid(sid, WinCreatorOwnerSid))
				continue;
			others = 1;
		}
	}
	LocalFree(sd);
	return others;
}

/* ---- consoles ---- */

/* mintty (Git Bash, MSYS2, Cygwin) gives its programs named pipes, not consoles. */
static int is_mintty_pipe(HANDLE h)
{
	struct {
		FILE_NAME_INFO info;
		WCHAR rest[MAX_PATH];
	} name;
	char *s;
	int yes;

	if (GetFileType(h) != FILE_TYPE_PIPE ||
	    !GetFileInformationByHandleEx(h, FileNameInfo, &name, sizeof(name) - sizeof(WCHAR)))
		return 0;
	name.info.FileName[name.info.FileNameLength / sizeof(WCHAR)] = L'\0';
	s = from_wide(name.info.FileName);
	/* \msys-1888ae32e00d56aa-pty0-to-master, \cygwin-...-pty3-from-master */
	yes = (starts_with(s, "\\msys-") || starts_with(s, "\\cygwin-")) && strstr(s, "-pty") &&
	      (strstr(s, "-from-master") || strstr(s, "-to-master"));
	free(s);
	return yes;
}

#undef isatty
int compat_isatty(int fd)
{
	HANDLE h = (HANDLE)_get_osfhandle(fd);
	DWORD mode;

	if (h == INVALID_HANDLE_VALUE)
		return 0;
	if (GetFileType(h) == FILE_TYPE_CHAR)
		return GetConsoleMode(h, &mode) ? 1 : 0;	/* NUL has no console mode */
	return is_mintty_pipe(h);
}

int compat_console_columns(int fd)
{
	CONSOLE_SCREEN_BUFFER_INFO info;
	HANDLE h = (HANDLE)_get_osfhandle(fd);

	if (h == INVALID_HANDLE_VALUE || !GetConsoleScreenBufferInfo(h, &info))
		return 0;
	return info.srWindow.Right - info.srWindow.Left + 1;
}

unsigned compat_console_codepage(void)
{
	return GetConsoleOutputCP();
}

void compat_startup(int *argc, char ***argv)
{
	int wargc;
	wchar_t **wargv = CommandLineToArgvW(GetCommandLineW(), &wargc);
	HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
	DWORD mode;

	if (wargv) {
		char **utf8 = xcalloc((size_t)wargc + 1, sizeof(*utf8));

		/* kept for the life of the program, as argv is */
		for (int i = 0; i < wargc; i++)
			utf8[i] = from_wide(wargv[i]);
		LocalFree(wargv);
		*argc = wargc;
		*argv = utf8;
	}
	/* no CRLF in drafts, caches, JSON or pipes */
	_fmode = _O_BINARY;
	_setmode(0, _O_BINARY);
	_setmode(1, _O_BINARY);
	_setmode(2, _O_BINARY);
	/* colour through VT sequences (the code page is the user's: see doctor) */
	if (GetConsoleMode(out, &mode))
		SetConsoleMode(out, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING);
	/* HOME for the code that needs one: Git Bash sets it, cmd does not */
	if (!getenv("HOME") && getenv("USERPROFILE")) {
		char *home = xstrdup(getenv("USERPROFILE"));

		slashes(home);
		setenv("HOME", home, 1);
		free(home);
	}
}


#undef tzset
#undef mktime
#undef strftime

static struct tz_rule tz;
static int tz_state;	/* 0: not read, 1: tz applies, -1: the C runtime's */

void compat_tzset(void)
{
	const char *name = getenv("TZ"), *rule = name ? tz_rule_for(name) : NULL;

	if (!tz_rule_parse(rule ? rule : name, &tz)) {
		tz_state = 1;
		return;
	}
	tz_state = -1;
	_tzset();
}

static int tz_applies(void)
{
	if (!tz_state)
		compat_tzset();
	return tz_state > 0;
}

struct tm *compat_localtime_r(const time_t *t, struct tm *tm)
{
	time_t local;
	int dst;

	if (!tz_applies())
		return localtime_s(tm, t) ? NULL : tm;
	local = *t + tz_rule_offset(&tz, *t, &dst);
	compat_gmtime_r(&local, tm);
	tm->tm_isdst = dst;
	return tm;
}

time_t compat_mktime(struct tm *tm)
{
	struct tm copy = *tm;
	time_t local, t;
	long off;

	if (!tz_applies())
		return mktime(tm);
	copy.tm_isdst = 0;
	if ((local = _mkgmtime(&copy)) == (time_t)-1)
		return (time_t)-1;
	/* the offset at the guess, then at the time it gives (a change between) */
	off = tz_rule_offset(&tz, local - tz.std_offset, NULL);
	t = local - off;
	off = tz_rule_offset(&tz, t, NULL);
	t = local - off;
	compat_localtime_r(&t, tm);
	return t;
}

size_t compat_strftime(char *buf, size_t n, const char *fmt, const struct tm *tm)
{
	struct sbuf f = SBUF_INIT;
	size_t len;
	const char *p;

	if (!tz_applies() || !strstr(fmt, "%Z"))
		return strftime(buf, n, fmt, tm);
	for (p = fmt; *p; p++) {
		if (p[0] == '%' && p[1] == 'Z') {
			sbuf_addstr(&f, tm->tm_isdst > 0 ? tz.dst : tz.std);
			p++;
		} else if (p[0] == '%' && p[1]) {
			sbuf_add(&f, p, 2);
			p++;
		} else {
			sbuf_addch(&f, *p);
		}
	}
	len = strftime(buf, n, f.buf, tm);
	sbuf_release(&f);
	return len;
}


void compat_exec(const char *program, char *const *argv)
{
	HANDLE proc = compat_spawn(program, (const char *const *)argv, -1, -1, -1, 0);
	int code;

	if (!proc)
		return;
	/* ^C reaches the program too: it decides, and its code is passed on */
	SetConsoleCtrlHandler(NULL, TRUE);
	code = compat_wait(proc);
	exit(code < 0 ? 127 : code);
}

#endif
