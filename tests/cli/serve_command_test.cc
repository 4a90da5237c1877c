// Tests for `credence serve` (src/cli/serve_command.cc) as a process: a
// taken port exits 3 with a message, bad options exit 2, and SIGINT stops
// a running server with exit 0. The routes are tested in tests/server.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include "tests/test_support.h"

namespace credence {
namespace {

class ServeCommandTest : public testing::TempDirTest {};

// Listens on a free loopback port; returns the socket and sets *port.
int ListenOnFreePort(int* port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  EXPECT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  EXPECT_EQ(::listen(fd, 1), 0);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  *port = ntohs(addr.sin_port);
  return fd;
}

TEST_F(ServeCommandTest, ATakenPortExits3) {
  int port = 0;
  const int fd = ListenOnFreePort(&port);
  testing::CommandOutcome run = testing::RunCredence(dir_, {"serve", "--model", "", "--port", std::to_string(port)});
  ::close(fd);
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.err.find("cannot listen on 127.0.0.1:" + std::to_string(port)), std::string::npos) << run.err;
}

TEST_F(ServeCommandTest, BadOptionsExit2) {
  EXPECT_EQ(testing::RunCredence(dir_, {"serve", "--port", "70000"}).exit_code, 2);
  EXPECT_EQ(testing::RunCredence(dir_, {"serve", "--threads", "0"}).exit_code, 2);
  EXPECT_EQ(testing::RunCredence(dir_, {"serve", "--max-body", "-5"}).exit_code, 2);
}

TEST_F(ServeCommandTest, SigintStopsTheServerWithExit0) {
  const std::string err_path = dir_ + "/stderr";
  pid_t pid = ::fork();
  if (pid == 0) {
    int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(err, 2);
    ::execl(CREDENCE_BINARY, CREDENCE_BINARY, "serve", "--model", "", "--port", "0", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Wait (at most 60 s: the sanitizer build loads slowly) until it serves.
  for (int i = 0; i < 600 && testing::ReadFileOrEmpty(err_path).find("serving on") == std::string::npos; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ASSERT_NE(testing::ReadFileOrEmpty(err_path).find("serving on http://127.0.0.1:"), std::string::npos);
  ::kill(pid, SIGINT);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace credence
