#pragma once
// Reading a whole file a command-line flag names (a token, a users list, a TLS certificate or key).
#include <string>
#include <string_view>

namespace pebble::support {

// The file's bytes; throws UsageError naming the flag and the file ("--tls-key-file /etc/key.pem:
// cannot read: Permission denied") when it cannot be opened or read.
std::string read_flag_file(const std::string& path, std::string_view flag);

}  // namespace pebble::support
