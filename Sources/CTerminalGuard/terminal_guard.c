#include "terminal_guard.h"
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <termios.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

static struct termios saved_modes;
static volatile sig_atomic_t have_modes = 0;
static volatile sig_atomic_t saved_fd = -1;
static volatile sig_atomic_t pending_signal = 0;

/* Leave the alternate screen, show the cursor, reset attributes: what endwin would do. */
static const char reset_sequence[] = "\033[0m\033[?25h\033[?1049l\r\n";

int tg_harden(void) {
    int rc = 0;
    struct rlimit none = {0, 0};
    if (setrlimit(RLIMIT_CORE, &none) != 0) rc = -1;
#ifdef __linux__
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) rc = -1;
#endif
    return rc;
}

long long tg_core_limit(void) {
    struct rlimit now;
    if (getrlimit(RLIMIT_CORE, &now) != 0) return -1;
    return now.rlim_cur == RLIM_INFINITY ? -2 : (long long)now.rlim_cur;
}

int tg_dumpable(void) {
#ifdef __linux__
    return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
#else
    return -1;
#endif
}

void tg_ignore_sigpipe(void) { signal(SIGPIPE, SIG_IGN); }

int tg_save_terminal(int fd) {
    if (tcgetattr(fd, &saved_modes) != 0) return -1;
    saved_fd = fd;
    have_modes = 1;
    return 0;
}

void tg_restore(void) {
    if (have_modes && saved_fd >= 0) {
        tcsetattr(saved_fd, TCSANOW, &saved_modes);
        ssize_t ignored = write(saved_fd, reset_sequence, sizeof reset_sequence - 1);
        (void)ignored;
    }
}

static void on_quit_signal(int sig) { pending_signal = sig; }

static void on_crash(int sig) {
    tg_restore();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Signals whose default action ends the process (without a core): each is noticed by the run
   loop, which saves and restores the terminal. */
static const int quit_signals[] = {
    SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ,
#ifdef SIGPWR
    SIGPWR,
#endif
#ifdef SIGSTKFLT
    SIGSTKFLT,
#endif
};

/* Signals that mean the process itself is broken: nothing can be saved safely, but the terminal can. */
static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGSYS};

void tg_install(void) {
    /* A parent may have started us with signals blocked (a thread pool's mask is inherited):
       the wizard needs SIGWINCH for resizing and the quit signals for saving. */
    sigset_t wanted;
    sigemptyset(&wanted);
    for (unsigned i = 0; i < sizeof quit_signals / sizeof quit_signals[0]; i++) sigaddset(&wanted, quit_signals[i]);
    for (unsigned i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++) sigaddset(&wanted, crash_signals[i]);
    sigaddset(&wanted, SIGWINCH);
    sigaddset(&wanted, SIGTSTP);
    sigaddset(&wanted, SIGCONT);
    sigprocmask(SIG_UNBLOCK, &wanted, 0);
    signal(SIGPIPE, SIG_IGN);

    struct sigaction quit;
    memset(&quit, 0, sizeof quit);
    quit.sa_handler = on_quit_signal;
    sigemptyset(&quit.sa_mask);
    /* No SA_RESTART: a blocked read returns EINTR so the loop notices at once. */
    for (unsigned i = 0; i < sizeof quit_signals / sizeof quit_signals[0]; i++) sigaction(quit_signals[i], &quit, 0);

    struct sigaction crash;
    memset(&crash, 0, sizeof crash);
    crash.sa_handler = on_crash;
    sigemptyset(&crash.sa_mask);
    crash.sa_flags = SA_RESETHAND;
    for (unsigned i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++) sigaction(crash_signals[i], &crash, 0);
}

int tg_take_signal(void) {
    int s = pending_signal;
    pending_signal = 0;
    return s;
}

/* The passphrase prompt's guard: the modes to put back, and the handlers it replaced. */
static struct termios prompt_modes;
static volatile sig_atomic_t prompt_fd = -1;
#define TG_GUARDED (sizeof quit_signals / sizeof quit_signals[0] + sizeof crash_signals / sizeof crash_signals[0])
static struct sigaction prompt_previous[TG_GUARDED];

static int guarded_signal(unsigned i) {
    unsigned q = sizeof quit_signals / sizeof quit_signals[0];
    return i < q ? quit_signals[i] : crash_signals[i - q];
}

static void on_prompt_signal(int sig) {
    if (prompt_fd >= 0) tcsetattr(prompt_fd, TCSANOW, &prompt_modes);
    /* Then the signal's own ending (its exit status, a shell's "Interrupted"). */
    signal(sig, SIG_DFL);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, sig);
    sigprocmask(SIG_UNBLOCK, &only, 0);
    raise(sig);
}

int tg_guard_prompt(int fd) {
    if (tcgetattr(fd, &prompt_modes) != 0) return -1;
    prompt_fd = fd;
    struct sigaction guard;
    memset(&guard, 0, sizeof guard);
    guard.sa_handler = on_prompt_signal;
    sigfillset(&guard.sa_mask);
    for (unsigned i = 0; i < TG_GUARDED; i++) {
        sigaction(guarded_signal(i), 0, &prompt_previous[i]);
        /* A signal ignored by whoever started us (nohup) stays ignored. */
        if (prompt_previous[i].sa_handler == SIG_IGN) continue;
        sigaction(guarded_signal(i), &guard, 0);
    }
    return 0;
}

void tg_unguard_prompt(void) {
    for (unsigned i = 0; i < TG_GUARDED; i++) sigaction(guarded_signal(i), &prompt_previous[i], 0);
    prompt_fd = -1;
}
