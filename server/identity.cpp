#include "identity.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace accord::server {
namespace {

constexpr const char* kHeader = "cyber-accord server key 1";

std::string mode_text(mode_t mode) {
  char text[8];
  std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
  return text;
}

std::optional<net::KeyPair> create(const std::string& path, std::string* error) {
  const net::KeyPair pair = net::KeyPair::generate();
  // O_EXCL: two servers starting on one folder never overwrite each other's key.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) {
    *error = "cannot create the server key " + path + ": " + std::strerror(errno);
    return std::nullopt;
  }
  const std::string text = std::string(kHeader) + "\n" + net::key_hex(pair.secret_key) + "\n";
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                       ::fsync(fd) == 0;
  ::close(fd);
  if (!written) {
    ::unlink(path.c_str());
    *error = "cannot write the server key " + path + ": " + std::strerror(errno);
    return std::nullopt;
  }
  return pair;
}

}  // namespace

std::optional<net::KeyPair> load_or_create_identity(const std::string& data_dir,
                                                    std::string* error) {
  std::string ignored;
  if (error == nullptr) error = &ignored;
  const std::string path = data_dir + "/" + kIdentityFileName;
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    if (errno != ENOENT) {
      *error = "cannot read the server key " + path + ": " + std::strerror(errno);
      return std::nullopt;
    }
    return create(path, error);
  }
  if (!S_ISREG(info.st_mode)) {
    *error = "the server key " + path + " is not a file";
    return std::nullopt;
  }
  // Like ssh with its host keys: a secret others can read is no longer a secret.
  if ((info.st_mode & 077) != 0) {
    *error = "the server key " + path + " may be read by other users (mode " +
             mode_text(info.st_mode) + "): make it private with `chmod 600 " + path + "`";
    return std::nullopt;
  }
  std::ifstream in(path);
  if (!in) {
    *error = "cannot read the server key " + path + ": " + std::strerror(errno);
    return std::nullopt;
  }
  std::string header, hex;
  std::getline(in, header);
  std::getline(in, hex);
  const auto secret = net::key_from_hex(hex);
  if (header != kHeader || !secret) {
    *error = "the server key " + path + " is not one (expected \"" + kHeader +
             "\" and 64 hex digits): restore it from a backup, or delete it to make a new one "
             "(clients that knew the old key will then warn their users)";
    return std::nullopt;
  }
  const auto pair = net::KeyPair::from_secret(net::SecretKey{*secret});
  if (!pair) {
    *error = "the server key " + path + " is not a valid key";
    return std::nullopt;
  }
  return pair;
}

}  // namespace accord::server
