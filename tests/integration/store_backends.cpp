#include "store_backends.h"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

#include "store/open_store.h"
#include "support/test_env.h"

namespace pebble::test {

namespace {

// One temporary root per test process, deleted at normal exit (forked children _exit and keep it).
class TempRoot {
 public:
  TempRoot() {
    std::string pattern = (std::filesystem::temp_directory_path() / "pebble-store-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a temporary folder");
    path_ = pattern;
    owner_pid_ = getpid();
  }
  TempRoot(const TempRoot&) = delete;
  TempRoot& operator=(const TempRoot&) = delete;
  ~TempRoot() {
    if (getpid() != owner_pid_) return;
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  pid_t owner_pid_ = 0;
};

TempRoot& temp_root() {
  static TempRoot root;
  return root;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

void reset_postgres_schema(const std::string& url) {
  run_program({"psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-c",
               "SET client_min_messages = warning; DROP SCHEMA public CASCADE; CREATE SCHEMA public;"});
}

}  // namespace

std::string make_temp_folder() {
  static std::atomic<int> counter{0};
  const auto folder = temp_root().path() / ("t" + std::to_string(counter++));
  std::filesystem::create_directories(folder);
  return folder.string();
}

std::string empty_database_url(const std::string& backend) {
  if (backend == "sqlite-memory") return "sqlite::memory:";
  // A nested, not yet existing folder also checks that the store creates parent folders.
  if (backend == "sqlite-file") return "sqlite:" + make_temp_folder() + "/nested/pebble.db";
  if (backend == "postgresql") {
    const std::string url = postgres_url_or_skip();
    reset_postgres_schema(url);
    return url;
  }
  throw std::invalid_argument("unknown store backend " + backend);
}

OpenedStore open_fresh_store(const std::string& backend, const store::StoreOptions& options) {
  OpenedStore opened;
  opened.backend = backend;
  opened.url = empty_database_url(backend);
  opened.store = store::open_store(opened.url, options);
  return opened;
}

bool is_shared_database(const std::string& backend) {
  return backend != "sqlite-memory";
}

std::vector<std::string> query_rows(const std::string& backend, const std::string& url,
                                    const std::string& sql) {
  if (backend == "sqlite-file") {
    return split_lines(run_program({"sqlite3", "-batch", url.substr(std::string("sqlite:").size()), sql}));
  }
  if (backend == "postgresql") {
    return split_lines(
        run_program({"psql", "-X", "-q", "-A", "-t", "-F", "|", "-v", "ON_ERROR_STOP=1", url, "-c", sql}));
  }
  throw std::invalid_argument("cannot query backend " + backend + " from outside the process");
}

std::string run_program(const std::vector<std::string>& arguments) {
  int output_pipe[2];
  if (pipe(output_pipe) != 0) throw std::runtime_error("pipe failed");
  const pid_t child = fork();
  if (child < 0) throw std::runtime_error("fork failed");
  if (child == 0) {
    dup2(output_pipe[1], STDOUT_FILENO);
    close(output_pipe[0]);
    close(output_pipe[1]);
    std::vector<char*> argv;
    for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    execvp(argv[0], argv.data());
    _exit(127);
  }
  close(output_pipe[1]);
  std::string output;
  char buffer[4096];
  ssize_t got = 0;
  while ((got = read(output_pipe[0], buffer, sizeof buffer)) > 0)
    output.append(buffer, static_cast<size_t>(got));
  close(output_pipe[0]);
  int status = 0;
  waitpid(child, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error(arguments[0] + " failed (status " + std::to_string(status) + ")");
  }
  return output;
}

support::Timestamp at(const char* iso_text) {
  const auto parsed = support::parse_iso8601(iso_text);
  if (!parsed) throw std::invalid_argument(std::string("bad test timestamp ") + iso_text);
  return *parsed;
}

}  // namespace pebble::test
