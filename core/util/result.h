// Result<T>: a value or an Error. Errors that input can cause are values, never exceptions;
// the message names the file, line, step or field so that a person can act on it.
#pragma once

#include <cassert>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace preplab {

enum class ErrorCode {
    BadData,      // the input cannot be read as a table (CLI exit 1)
    BadRecipe,    // a recipe is invalid (CLI exit 1)
    BadUsage,     // wrong arguments (CLI exit 2)
    Io,           // file system failure (CLI exit 1)
    Cancelled,    // the user cancelled a long operation
    Internal,
};

struct Error {
    ErrorCode code = ErrorCode::BadData;
    std::string message;
    std::string file;        // empty when not about a file
    std::int64_t line = -1;  // 1-based, -1 when unknown
    std::int64_t column = -1;

    // "FILE:LINE:COL: message" with the parts that exist.
    std::string describe() const
    {
        std::string out;
        if (!file.empty()) {
            out += file;
            if (line >= 0) {
                out += ':' + std::to_string(line);
                if (column >= 0)
                    out += ':' + std::to_string(column);
            }
            out += ": ";
        }
        return out + message;
    }
};

inline Error makeError(ErrorCode code, std::string message, std::string file = {},
                       std::int64_t line = -1, std::int64_t column = -1)
{
    return Error{code, std::move(message), std::move(file), line, column};
}

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { assert(ok()); return std::get<0>(m_v); }
    const T& value() const& { assert(ok()); return std::get<0>(m_v); }
    T&& value() && { assert(ok()); return std::get<0>(std::move(m_v)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { assert(!ok()); return std::get<1>(m_v); }
    Error& error() { assert(!ok()); return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { assert(!ok()); return *m_error; }
    Error& error() { assert(!ok()); return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace preplab
