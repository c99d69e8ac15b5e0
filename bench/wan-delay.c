/*
 * wan-delay: a network link with a set delay between two network
 * namespaces, for bench/wan on kernels without the netem qdisc.
 *
 *   wan-delay DELAY_MS NETNS_A IFNAME_A NETNS_B IFNAME_B
 *
 * It makes a TUN device IFNAME_A in the namespace NETNS_A (a name under
 * /run/netns, as `ip netns add` makes) and IFNAME_B in NETNS_B, prints
 * "ready" on standard output, and from then on passes each IP packet read
 * from one device to the other DELAY_MS milliseconds later (one way: the
 * round trip is twice that). The caller gives the devices their addresses
 * (`ip -n NETNS_A addr add A peer B dev IFNAME_A`, and the other way) and
 * brings them up. Packets keep their order; at most QUEUE_MAX wait in each
 * direction, more are dropped as a full link drops them. SIGINT or SIGTERM
 * ends it (exit 0), and the devices go with it.
 *
 * It needs root (CAP_NET_ADMIN) and /dev/net/tun. Built by bench/wan; it
 * uses nothing but the C library, so that the script can build it alone.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <sys/ioctl.h>

#define PACKET_MAX 2048		/* above the devices' MTU of 1500 */
#define QUEUE_MAX 4096		/* packets waiting per direction */
#define DELAY_MAX_MS 10000

struct packet {
	int64_t due_ns;		/* when it leaves */
	size_t len;
	unsigned char data[PACKET_MAX];
};

/* A FIFO of packets from one device to the other (owned by main). */
struct queue {
	struct packet *slots;	/* QUEUE_MAX of them */
	size_t head, nr;
	unsigned long dropped;
};

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static _Noreturn void die(const char *fmt, ...)
{
	va_list ap;

	fputs("wan-delay: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static int64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* A TUN device called name in the namespace /run/netns/netns; its fd. */
static int make_tun(const char *netns, const char *name)
{
	char path[PATH_MAX];
	struct ifreq ifr;
	int ns, fd;

	if (strlen(name) >= IFNAMSIZ)
		die("the device name '%s' is too long (at most %d characters)", name, IFNAMSIZ - 1);
	snprintf(path, sizeof(path), "/run/netns/%s", netns);
	ns = open(path, O_RDONLY | O_CLOEXEC);
	if (ns < 0)
		die("cannot open the namespace '%s': %s; make it with 'ip netns add %s'",
		    path, strerror(errno), netns);
	if (setns(ns, CLONE_NEWNET) < 0)
		die("cannot enter the namespace '%s': %s; run as root", netns, strerror(errno));
	close(ns);
	fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		die("cannot open '/dev/net/tun': %s; is the tun module loaded?", strerror(errno));
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = IFF_TUN | IFF_NO_PI;
	memcpy(ifr.ifr_name, name, strlen(name) + 1);
	if (ioctl(fd, TUNSETIFF, &ifr) < 0)
		die("cannot make the device '%s' in '%s': %s", name, netns, strerror(errno));
	return fd;
}

/* Read every packet waiting on fd into q, each due `delay` from now. */
static void take(int fd, struct queue *q, int64_t delay)
{
	for (;;) {
		struct packet *p = &q->slots[(q->head + q->nr) % QUEUE_MAX];
		unsigned char spill[PACKET_MAX];
		int full = q->nr == QUEUE_MAX;
		ssize_t n = read(fd, full ? spill : p->data, PACKET_MAX);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return;
		if (n < 0)
			die("cannot read a packet: %s", strerror(errno));
		if (full) {
			q->dropped++;
			continue;
		}
		p->len = (size_t)n;
		p->due_ns = now_ns() + delay;
		q->nr++;
	}
}

/* Write the packets of q that are due to fd. */
static void give(int fd, struct queue *q, int64_t now)
{
	while (q->nr && q->slots[q->head].due_ns <= now) {
		struct packet *p = &q->slots[q->head];

		/* a packet the other stack does not take is lost, as on a wire */
		if (write(fd, p->data, p->len) < 0 && errno == EINTR)
			continue;
		q->head = (q->head + 1) % QUEUE_MAX;
		q->nr--;
	}
}

static int64_t next_due(const struct queue *q, int64_t best)
{
	if (q->nr && (best < 0 || q->slots[q->head].due_ns < best))
		return q->slots[q->head].due_ns;
	return best;
}

int main(int argc, char **argv)
{
	struct queue q[2] = { { 0 } };
	struct sigaction sa;
	int fd[2];
	char *end;
	long delay_ms;
	int64_t delay;

	if (argc != 6) {
		fputs("usage: wan-delay DELAY_MS NETNS_A IFNAME_A NETNS_B IFNAME_B\n", stderr);
		return 2;
	}
	errno = 0;
	delay_ms = strtol(argv[1], &end, 10);
	if (errno || *end || end == argv[1] || delay_ms < 0 || delay_ms > DELAY_MAX_MS) {
		fprintf(stderr, "wan-delay: the delay must be 0 to %d ms, not '%s'\n", DELAY_MAX_MS, argv[1]);
		return 2;
	}
	delay = (int64_t)delay_ms * 1000000;
	for (int i = 0; i < 2; i++) {
		q[i].slots = calloc(QUEUE_MAX, sizeof(*q[i].slots));
		if (!q[i].slots)
			die("out of memory");
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	fd[0] = make_tun(argv[2], argv[3]);
	fd[1] = make_tun(argv[4], argv[5]);
	puts("ready");
	fflush(stdout);

	while (!stop) {
		struct pollfd pfd[2] = { { fd[0], POLLIN, 0 }, { fd[1], POLLIN, 0 } };
		int64_t due = next_due(&q[1], next_due(&q[0], -1)), now = now_ns();
		struct timespec wait, *timeout = NULL;

		if (due >= 0) {
			int64_t left = due > now ? due - now : 0;

			wait.tv_sec = (time_t)(left / 1000000000);
			wait.tv_nsec = (long)(left % 1000000000);
			timeout = &wait;
		}
		if (ppoll(pfd, 2, timeout, NULL) < 0 && errno != EINTR)
			die("cannot wait for packets: %s", strerror(errno));
		/* q[0]: read from A, written to B; q[1]: the other way */
		for (int i = 0; i < 2; i++)
			if (pfd[i].revents & POLLIN)
				take(fd[i], &q[i], delay);
		now = now_ns();
		give(fd[1], &q[0], now);
		give(fd[0], &q[1], now);
	}
	if (q[0].dropped || q[1].dropped)
		fprintf(stderr, "wan-delay: %lu packets dropped on a full queue (%lu %s to %s, %lu back)\n",
			q[0].dropped + q[1].dropped, q[0].dropped, argv[2], argv[4], q[1].dropped);
	for (int i = 0; i < 2; i++) {
		close(fd[i]);
		free(q[i].slots);
	}
	return 0;
}
