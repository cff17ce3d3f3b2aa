// AtomicFile: writes a file so that the target is never seen half-written. Bytes go to a
// temporary file in the target's folder; commit() flushes, fsyncs and renames it over the target.
// Any failure (or destruction without commit) removes the temporary file and leaves a previous
// target untouched. Writing over a protected path (the input being read) is refused up front.
#pragma once

#include "core/util/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace preplab::io {

class AtomicFile {
public:
    // Creates the temporary file. `protectedPaths` are files that must not be replaced (compared
    // by identity, so another spelling or a link to the same file is refused too).
    static Result<AtomicFile> create(const std::string& target, const std::vector<std::string>& protectedPaths = {});

    AtomicFile(AtomicFile&& other) noexcept;
    AtomicFile& operator=(AtomicFile&& other) noexcept;
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile();

    // Buffered; a failure is remembered and reported by commit() (later writes are ignored).
    void write(std::string_view bytes);
    // Flush, fsync, close, rename over the target. On failure the temporary file is removed.
    Result<void> commit();
    // Removes the temporary file; the target keeps its previous content. Idempotent.
    void discard();

    const std::string& target() const { return m_target; }
    const std::string& temporaryPath() const { return m_tempPath; }

private:
    AtomicFile() = default;
    bool flushBuffer();
    Error failure(const std::string& what, int err) const;

    std::string m_target;    // the path renamed over (a symbolic link is followed)
    std::string m_shownPath; // the path as the caller spelt it, for messages
    std::string m_tempPath;
    int m_fd = -1;
    std::string m_buffer;
    int m_writeErrno = 0;
};

// One-shot: the whole content at once.
Result<void> writeFileAtomically(const std::string& target, std::string_view bytes,
                                 const std::vector<std::string>& protectedPaths = {});

} // namespace preplab::io
