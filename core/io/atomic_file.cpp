#include "core/io/atomic_file.h"

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace preplab::io {

namespace {

constexpr std::size_t kBufferBytes = 1 << 20;

std::string errnoText(int err) { return std::strerror(err); }

std::string folderOf(const std::string& path)
{
    auto slash = path.find_last_of('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string baseNameOf(const std::string& path)
{
    auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Follows a symbolic link at the target so that the link keeps pointing at the new content.
std::string resolveTarget(const std::string& target)
{
    struct stat st {};
    if (::lstat(target.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
        char buf[PATH_MAX];
        if (::realpath(target.c_str(), buf))
            return buf;
    }
    return target;
}

bool sameFile(const std::string& a, const std::string& b)
{
    struct stat sa {}, sb {};
    return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

void syncFolder(const std::string& folder)
{
    int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        // Makes the rename itself durable; a failure here does not undo the (already visible) write.
        (void)::fsync(fd);
        ::close(fd);
    }
}

} // namespace

Result<AtomicFile> AtomicFile::create(const std::string& target, const std::vector<std::string>& protectedPaths)
{
    if (target.empty())
        return makeError(ErrorCode::BadUsage, "empty output path");
    for (const auto& p : protectedPaths) {
        if (!p.empty() && (p == target || sameFile(p, target)))
            return makeError(ErrorCode::BadUsage,
                             "refusing to write over the input file; choose another output path", target);
    }
    struct stat existing {};
    const bool exists = ::stat(target.c_str(), &existing) == 0;
    if (exists && S_ISDIR(existing.st_mode))
        return makeError(ErrorCode::Io, "cannot write: Is a directory", target);

    AtomicFile f;
    f.m_shownPath = target;
    f.m_target = resolveTarget(target);
    const std::string folder = folderOf(f.m_target);
    static std::atomic<unsigned> counter{0};
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string temp = folder + "/." + baseNameOf(f.m_target) + ".tmp-" + std::to_string(::getpid()) + "-" +
                           std::to_string(counter.fetch_add(1));
        int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            f.m_fd = fd;
            f.m_tempPath = std::move(temp);
            if (exists)
                (void)::fchmod(fd, existing.st_mode & 07777);  // keep the replaced file's permissions
            f.m_buffer.reserve(kBufferBytes);
            return f;
        }
        if (errno != EEXIST)
            return makeError(ErrorCode::Io, "cannot create a file in " + folder + ": " + errnoText(errno), target);
    }
    return makeError(ErrorCode::Io, "cannot create a temporary file in " + folder, target);
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept { *this = std::move(other); }

AtomicFile& AtomicFile::operator=(AtomicFile&& other) noexcept
{
    if (this != &other) {
        discard();
        m_target = std::move(other.m_target);
        m_shownPath = std::move(other.m_shownPath);
        m_tempPath = std::move(other.m_tempPath);
        m_buffer = std::move(other.m_buffer);
        m_fd = other.m_fd;
        m_writeErrno = other.m_writeErrno;
        other.m_fd = -1;
        other.m_tempPath.clear();
    }
    return *this;
}

AtomicFile::~AtomicFile() { discard(); }

void AtomicFile::discard()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_tempPath.empty()) {
        ::unlink(m_tempPath.c_str());
        m_tempPath.clear();
    }
    m_buffer.clear();
}

bool AtomicFile::flushBuffer()
{
    const char* p = m_buffer.data();
    std::size_t left = m_buffer.size();
    while (left > 0 && m_writeErrno == 0) {
        ssize_t n = ::write(m_fd, p, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            m_writeErrno = errno;
        } else {
            p += n;
            left -= static_cast<std::size_t>(n);
        }
    }
    m_buffer.clear();
    return m_writeErrno == 0;
}

void AtomicFile::write(std::string_view bytes)
{
    if (m_fd < 0 || m_writeErrno != 0)
        return;
    if (m_buffer.size() + bytes.size() > kBufferBytes && !flushBuffer())
        return;
    if (bytes.size() >= kBufferBytes) {
        m_buffer.assign(bytes);
        flushBuffer();
        return;
    }
    m_buffer.append(bytes);
}

Error AtomicFile::failure(const std::string& what, int err) const
{
    return makeError(ErrorCode::Io, what + ": " + errnoText(err), m_shownPath);
}

Result<void> AtomicFile::commit()
{
    if (m_fd < 0)
        return makeError(ErrorCode::Internal, "the file was already committed or discarded", m_shownPath);
    flushBuffer();
    if (m_writeErrno != 0) {
        Error e = failure("cannot write", m_writeErrno);
        discard();
        return e;
    }
    if (::fsync(m_fd) != 0) {
        Error e = failure("cannot write (fsync)", errno);
        discard();
        return e;
    }
    int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0) {
        Error e = failure("cannot write (close)", errno);
        discard();
        return e;
    }
    if (::rename(m_tempPath.c_str(), m_target.c_str()) != 0) {
        Error e = failure("cannot replace the file", errno);
        discard();
        return e;
    }
    m_tempPath.clear();
    syncFolder(folderOf(m_target));
    return {};
}

Result<void> writeFileAtomically(const std::string& target, std::string_view bytes,
                                 const std::vector<std::string>& protectedPaths)
{
    auto file = AtomicFile::create(target, protectedPaths);
    if (!file)
        return file.error();
    file->write(bytes);
    return file->commit();
}

} // namespace preplab::io
