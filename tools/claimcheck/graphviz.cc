// DotToSvg: posix_spawnp and three pipes served by one poll loop, so that
// neither side blocks on a full pipe whatever the size of the graph.
#include "graphviz.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <tuple>

extern char** environ;

namespace claimcheck::cli {

namespace {

// Closes a file descriptor once, on scope exit or on demand.
class Fd {
 public:
  Fd() = default;
  ~Fd() { Close(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  int get() const { return fd_; }
  void reset(int fd) {
    Close();
    fd_ = fd;
  }

 private:
  int fd_ = -1;
};

// A pipe whose ends close themselves.
struct Pipe {
  Fd read;
  Fd write;
  bool Open() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return false;
    read.reset(fds[0]);
    write.reset(fds[1]);
    return true;
  }
};

// Ignores SIGPIPE for its lifetime.
class NoSigpipe {
 public:
  NoSigpipe() {
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    ::sigaction(SIGPIPE, &ignore, &old_);
  }
  ~NoSigpipe() { ::sigaction(SIGPIPE, &old_, nullptr); }
  NoSigpipe(const NoSigpipe&) = delete;
  NoSigpipe& operator=(const NoSigpipe&) = delete;

 private:
  struct sigaction old_ {};
};

Status Spawn(Pipe* in, Pipe* out, Pipe* err, pid_t* pid) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in->read.get(), 0);
  posix_spawn_file_actions_adddup2(&actions, out->write.get(), 1);
  posix_spawn_file_actions_adddup2(&actions, err->write.get(), 2);
  char dot[] = "dot";
  char svg[] = "-Tsvg";
  char* argv[] = {dot, svg, nullptr};
  const int rc = ::posix_spawnp(pid, "dot", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc == ENOENT) {
    return Status::NotSupported(
        "Graphviz's 'dot' is not installed (not found on PATH): install "
        "Graphviz (e.g. apt-get install graphviz) for SVG, or use --format "
        "dot and render it elsewhere");
  }
  if (rc != 0) {
    return Status::IOError(std::string("cannot run dot: ") + std::strerror(rc));
  }
  return Status::OK();
}

// Feeds `input` to `in` and drains `out` and `err` until both reach EOF.
Status Exchange(const std::string& input, Fd* in, Fd* out, Fd* err,
                std::string* out_data, std::string* err_data) {
  ::fcntl(in->get(), F_SETFL, ::fcntl(in->get(), F_GETFL) | O_NONBLOCK);
  std::size_t written = 0;
  if (input.empty()) in->Close();
  char buffer[65536];
  while (out->get() >= 0 || err->get() >= 0) {
    pollfd fds[3] = {{in->get(), POLLOUT, 0},
                     {out->get(), POLLIN, 0},
                     {err->get(), POLLIN, 0}};
    if (::poll(fds, 3, -1) < 0) {
      if (errno == EINTR) continue;
      return Status::IOError(std::string("poll: ") + std::strerror(errno));
    }
    if (in->get() >= 0 && (fds[0].revents & (POLLOUT | POLLERR | POLLHUP))) {
      const ssize_t n =
          ::write(in->get(), input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if ((n < 0 && errno != EAGAIN && errno != EINTR) ||
          written == input.size()) {
        in->Close();  // EPIPE: dot stopped reading; its stderr says why
      }
    }
    for (auto [fd, data, revents] :
         {std::make_tuple(out, out_data, fds[1].revents),
          std::make_tuple(err, err_data, fds[2].revents)}) {
      if (fd->get() < 0 || !(revents & (POLLIN | POLLERR | POLLHUP))) continue;
      const ssize_t n = ::read(fd->get(), buffer, sizeof buffer);
      if (n > 0) {
        data->append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
        fd->Close();
      }
    }
  }
  return Status::OK();
}

}  // namespace

Result<std::string> DotToSvg(const std::string& dot_source) {
  NoSigpipe no_sigpipe;
  Pipe in, out, err;
  if (!in.Open() || !out.Open() || !err.Open()) {
    return Status::IOError(std::string("pipe: ") + std::strerror(errno));
  }
  pid_t pid = 0;
  Status status = Spawn(&in, &out, &err, &pid);
  if (!status.ok()) return status;
  in.read.Close();
  out.write.Close();
  err.write.Close();
  std::string svg, message;
  status =
      Exchange(dot_source, &in.write, &out.read, &err.read, &svg, &message);
  in.write.Close();
  int wait_status = 0;
  while (::waitpid(pid, &wait_status, 0) < 0 && errno == EINTR) {
  }
  if (!status.ok()) return status;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
    message.pop_back();
  if (!WIFEXITED(wait_status) || WEXITSTATUS(wait_status) != 0) {
    return Status::Internal(
        "dot failed (" +
        (WIFEXITED(wait_status)
             ? "exit " + std::to_string(WEXITSTATUS(wait_status))
             : "signal " + std::to_string(WTERMSIG(wait_status))) +
        ")" + (message.empty() ? "" : ": " + message.substr(0, 2000)));
  }
  return svg;
}

}  // namespace claimcheck::cli
