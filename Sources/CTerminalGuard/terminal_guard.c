#include "terminal_guard.h"
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved_modes;
static volatile sig_atomic_t have_modes = 0;
static volatile sig_atomic_t saved_fd = -1;
static volatile sig_atomic_t pending_signal = 0;

/* Leave the alternate screen, show the cursor, reset attributes: what endwin would do. */
static const char reset_sequence[] = "\033[0m\033[?25h\033[?1049l\r\n";

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

void tg_install(void) {
    /* A parent may have started us with signals blocked (a thread pool's mask is inherited):
       the wizard needs SIGWINCH for resizing and the quit signals for saving. */
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGTERM);
    sigaddset(&wanted, SIGHUP);
    sigaddset(&wanted, SIGWINCH);
    sigprocmask(SIG_UNBLOCK, &wanted, 0);
    struct sigaction quit;
    memset(&quit, 0, sizeof quit);
    quit.sa_handler = on_quit_signal;
    sigemptyset(&quit.sa_mask);
    /* No SA_RESTART: a blocked read returns EINTR so the loop notices at once. */
    sigaction(SIGINT, &quit, 0);
    sigaction(SIGTERM, &quit, 0);
    sigaction(SIGHUP, &quit, 0);

    struct sigaction crash;
    memset(&crash, 0, sizeof crash);
    crash.sa_handler = on_crash;
    sigemptyset(&crash.sa_mask);
    crash.sa_flags = SA_RESETHAND;
    int fatal[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE};
    for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) sigaction(fatal[i], &crash, 0);
}

int tg_take_signal(void) {
    int s = pending_signal;
    pending_signal = 0;
    return s;
}
